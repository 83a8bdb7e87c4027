import { EcrApiError, invalidParameter } from './EcrApiError';
import { MEDIA_TYPES } from './mediaTypes';
import type { ImageRecord, RepositoryRecord } from './model';
import { paginate } from './pagination';
import type { Registry } from './Registry';
import { findRepository } from './repositoryOperations';
import { severityCounts } from './severityCounts';

type Request = Record<string, unknown>;
interface ImageId {
  imageDigest?: string;
  imageTag?: string;
}

function imageNotFound(
  registry: Registry,
  repository: RepositoryRecord,
  id: ImageId,
): EcrApiError {
  return new EcrApiError(
    'ImageNotFoundException',
    `The image with imageId {imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'} does not exist within the repository with name '${repository.repositoryName}' in the registry with id '${registry.accountId}'`,
  );
}

export function findImage(
  registry: Registry,
  repository: RepositoryRecord,
  id: ImageId | undefined,
): ImageRecord {
  if (!id || (!id.imageDigest && !id.imageTag)) {
    throw invalidParameter(
      'imageId must contain an imageDigest or an imageTag',
    );
  }
  const image = lookupImage(repository, id);
  if (!image) throw imageNotFound(registry, repository, id);
  return image;
}

/** The image an id names (by digest, tag, or both — then they must agree), if any. */
function lookupImage(
  repository: RepositoryRecord,
  id: ImageId,
): ImageRecord | undefined {
  const image = id.imageDigest
    ? repository.images.get(id.imageDigest)
    : [...repository.images.values()].find(i =>
        i.imageTags.includes(id.imageTag ?? ''),
      );
  if (id.imageTag && !image?.imageTags.includes(id.imageTag)) return undefined;
  return image;
}

/** ECR lists images in no particular time order; this double lists them by digest. */
function byDigest(repository: RepositoryRecord): ImageRecord[] {
  return [...repository.images.values()].sort((a, b) =>
    a.imageDigest < b.imageDigest ? -1 : 1,
  );
}

function matchesFilter(
  image: ImageRecord,
  filter: Request | undefined,
): boolean {
  const tagStatus = filter?.tagStatus ?? 'ANY';
  const imageStatus = filter?.imageStatus ?? 'ACTIVE';
  const tagged = image.imageTags.length > 0;
  if (tagStatus === 'TAGGED' && !tagged) return false;
  if (tagStatus === 'UNTAGGED' && tagged) return false;
  return imageStatus === 'ANY' || image.imageStatus === imageStatus;
}

function imageDetail(
  registry: Registry,
  repository: RepositoryRecord,
  image: ImageRecord,
) {
  const scan = registry.describeImagesCarriesScans() ? image.scan : undefined;
  return {
    registryId: registry.accountId,
    repositoryName: repository.repositoryName,
    imageDigest: image.imageDigest,
    ...(image.imageTags.length > 0 ? { imageTags: image.imageTags } : {}),
    imageSizeInBytes: image.imageSizeInBytes,
    imagePushedAt: image.imagePushedAt,
    ...(scan
      ? {
          imageScanStatus: {
            status: scan.status,
            ...(scan.description ? { description: scan.description } : {}),
          },
          ...(scan.status === 'COMPLETE'
            ? {
                imageScanFindingsSummary: {
                  imageScanCompletedAt: scan.completedAt,
                  vulnerabilitySourceUpdatedAt:
                    scan.vulnerabilitySourceUpdatedAt,
                  findingSeverityCounts: severityCounts(scan.findings),
                },
              }
            : {}),
        }
      : {}),
    imageManifestMediaType: image.imageManifestMediaType,
    ...(image.artifactMediaType
      ? { artifactMediaType: image.artifactMediaType }
      : {}),
    ...(image.lastRecordedPullTime
      ? { lastRecordedPullTime: image.lastRecordedPullTime }
      : {}),
    ...(image.subjectManifestDigest
      ? { subjectManifestDigest: image.subjectManifestDigest }
      : {}),
    imageStatus: image.imageStatus,
    ...(image.lastArchivedAt ? { lastArchivedAt: image.lastArchivedAt } : {}),
    ...(image.lastActivatedAt
      ? { lastActivatedAt: image.lastActivatedAt }
      : {}),
  };
}

export function describeImages(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  const ids = request.imageIds as ImageId[] | undefined;
  if (ids) {
    if (request.maxResults !== undefined || request.nextToken !== undefined) {
      throw invalidParameter(
        'maxResults and nextToken cannot be used with imageIds',
      );
    }
    return {
      imageDetails: ids.map(id =>
        imageDetail(registry, repository, findImage(registry, repository, id)),
      ),
    };
  }
  const filter = request.filter as Request | undefined;
  const images = byDigest(repository).filter(i => matchesFilter(i, filter));
  const page = paginate(
    `DescribeImages/${repository.repositoryName}`,
    images,
    request,
    {
      max: 1000,
      fallback: 100,
    },
  );
  return {
    imageDetails: page.items.map(i => imageDetail(registry, repository, i)),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}

export function listImages(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  const filter = request.filter as Request | undefined;
  // One entry per (digest, tag) pair; an untagged image is one entry with its digest only.
  const ids: ImageId[] = [];
  for (const image of byDigest(repository)) {
    if (!matchesFilter(image, { ...filter, imageStatus: 'ANY' })) continue;
    if (image.imageTags.length === 0) {
      ids.push({ imageDigest: image.imageDigest });
    }
    for (const tag of image.imageTags) {
      ids.push({ imageDigest: image.imageDigest, imageTag: tag });
    }
  }
  const page = paginate(
    `ListImages/${repository.repositoryName}`,
    ids,
    request,
    {
      max: 1000,
      fallback: 100,
    },
  );
  return {
    imageIds: page.items,
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}

/** The manifest document ECR would return: an index lists its platforms, others a config. */
function manifestOf(image: ImageRecord): string {
  if (image.manifests) {
    return JSON.stringify({
      schemaVersion: 2,
      mediaType: image.imageManifestMediaType,
      manifests: image.manifests,
    });
  }
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: image.imageManifestMediaType,
    ...(image.artifactMediaType
      ? {
          config: {
            mediaType: image.artifactMediaType,
            digest: image.imageDigest,
            size: 0,
          },
        }
      : {}),
    layers: [],
    ...(image.subjectManifestDigest
      ? {
          subject: {
            mediaType: MEDIA_TYPES.ociManifest,
            digest: image.subjectManifestDigest,
          },
        }
      : {}),
  });
}

/**
 * BatchGetImage: manifests for up to 100 image ids. An image whose manifest media type is
 * not in `acceptedMediaTypes` (when given) is a failure, as on ECR; so is an unknown id.
 */
export function batchGetImage(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  const ids = request.imageIds as ImageId[] | undefined;
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > 100) {
    throw invalidParameter('imageIds must contain between 1 and 100 items');
  }
  const accepted = request.acceptedMediaTypes as string[] | undefined;
  const images: unknown[] = [];
  const failures: unknown[] = [];
  for (const id of ids) {
    const image = lookupImage(repository, id);
    if (!image) {
      failures.push({
        imageId: id,
        failureCode: 'ImageNotFound',
        failureReason: 'Requested image not found',
      });
      continue;
    }
    if (accepted && !accepted.includes(image.imageManifestMediaType)) {
      failures.push({
        imageId: id,
        failureCode: 'UnsupportedImageType',
        failureReason: `The image manifest media type ${image.imageManifestMediaType} is not in acceptedMediaTypes`,
      });
      continue;
    }
    images.push({
      registryId: registry.accountId,
      repositoryName: repository.repositoryName,
      imageId: {
        imageDigest: image.imageDigest,
        ...(id.imageTag ? { imageTag: id.imageTag } : {}),
      },
      imageManifest: manifestOf(image),
      imageManifestMediaType: image.imageManifestMediaType,
    });
  }
  return { images, failures };
}
