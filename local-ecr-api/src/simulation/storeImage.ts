import { EcrApiError } from '../EcrApiError';
import type { ImageRecord, RepositoryRecord, ScanRecord } from '../model';
import type { Registry } from '../Registry';
import { scanOnArrival } from './scanning';
import { isTagImmutable } from './tagMutability';

/** A manifest arriving in a repository: pushed, imported from an upstream, or replicated. */
export interface ArrivingImage {
  readonly imageDigest: string;
  readonly imageManifestMediaType: string;
  readonly manifest?: string;
  readonly imageSizeInBytes: number;
  readonly artifactMediaType?: string;
  readonly subjectManifestDigest?: string;
  readonly manifests?: ImageRecord['manifests'];
  /** What is known about its vulnerabilities (an upstream image's seeded findings). */
  readonly knownScan?: ScanRecord;
}

/**
 * Stores `arriving` under `tag` as PutImage does: a new digest becomes an image (pushed now,
 * scanned if the repository scans on push); a tag moves from another image only where it is
 * mutable; an index needs its platform manifests in the repository first. Checks come first,
 * so a refused push changes nothing.
 */
export function storeImage(
  registry: Registry,
  repository: RepositoryRecord,
  arriving: ArrivingImage,
  tag: string | undefined,
  now: number,
): ImageRecord {
  const existing = repository.images.get(arriving.imageDigest);
  const holder = tag
    ? [...repository.images.values()].find(i => i.imageTags.includes(tag))
    : undefined;
  if (existing?.imageStatus === 'ARCHIVED') {
    // Pushing an archived image again restores it (archive-image in the ECR User Guide).
    existing.imageStatus = 'ACTIVE';
    existing.lastActivatedAt = now;
    if (tag === undefined || holder === existing) return existing;
  } else if (existing && (tag === undefined || holder === existing)) {
    throw new EcrApiError(
      'ImageAlreadyExistsException',
      `Image with digest '${arriving.imageDigest}'${tag ? ` and tag '${tag}'` : ''} already exists in the repository with name '${repository.repositoryName}' in registry with id '${registry.accountId}'`,
    );
  }
  if (tag && holder && holder !== existing && isTagImmutable(repository, tag)) {
    throw new EcrApiError(
      'ImageTagAlreadyExistsException',
      `The image tag '${tag}' already exists in the '${repository.repositoryName}' repository and cannot be overwritten because the tag is immutable.`,
    );
  }
  const missing = (arriving.manifests ?? []).filter(
    m => !repository.images.has(m.digest),
  );
  if (missing.length > 0) {
    throw new EcrApiError(
      'ReferencedImagesNotFoundException',
      `The manifest list references images that are not in the repository '${repository.repositoryName}': ${missing.map(m => m.digest).join(', ')}`,
    );
  }
  if (holder && tag) {
    holder.imageTags = holder.imageTags.filter(t => t !== tag);
  }
  if (existing) {
    existing.imageTags = [...existing.imageTags, tag!];
    return existing;
  }
  const image: ImageRecord = {
    imageDigest: arriving.imageDigest,
    imageTags: tag ? [tag] : [],
    imageSizeInBytes: arriving.imageSizeInBytes,
    imagePushedAt: now,
    imageManifestMediaType: arriving.imageManifestMediaType,
    ...(arriving.artifactMediaType
      ? { artifactMediaType: arriving.artifactMediaType }
      : {}),
    ...(arriving.subjectManifestDigest
      ? { subjectManifestDigest: arriving.subjectManifestDigest }
      : {}),
    ...(arriving.manifests ? { manifests: arriving.manifests } : {}),
    ...(arriving.manifest ? { manifest: arriving.manifest } : {}),
    imageStatus: 'ACTIVE',
  };
  image.scan = scanOnArrival(
    registry,
    repository,
    image,
    arriving.knownScan,
    now,
  );
  repository.images.set(image.imageDigest, image);
  return image;
}
