import { repositoryNotFound } from './EcrApiError';
import { findImage, isFailure, lookupImage, type ImageId } from './imageIds';
import { MEDIA_TYPES } from './mediaTypes';
import type { ImageRecord, RepositoryRecord } from './model';
import { paginate } from './pagination';
import type { Registry } from './Registry';
import { checkRegistryId, findRepository } from './repositoryOperations';
import { severityCounts } from './severityCounts';
import { PullFailure, pullThroughCache } from './simulation/pullThroughCache';
import type { OperationContext, Request } from './world/OperationContext';

/** ECR lists images in no particular time order; this double lists them by digest. */
function byDigest(repository: RepositoryRecord): ImageRecord[] {
  return [...repository.images.values()].sort((a, b) =>
    a.imageDigest < b.imageDigest ? -1 : 1,
  );
}

/** `filter.tagStatus` (default ANY) and `filter.imageStatus` (default ACTIVE) of DescribeImages and ListImages. */
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
    { fallback: 100 },
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
    if (!matchesFilter(image, filter)) continue;
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
    { fallback: 100 },
  );
  return {
    imageIds: page.items,
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}

/** The manifest document of an image: as pushed, or generated for a seeded image. */
export function manifestOf(image: ImageRecord): string {
  if (image.manifest) return image.manifest;
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
 * BatchGetImage: manifests for up to 100 image ids; what a pull calls. Ids that name no
 * image come back as `failures` with the model's failure codes; archived images cannot be
 * pulled; a name under a pull-through-cache prefix is pulled through the cache first.
 */
export function batchGetImage(
  registry: Registry,
  request: Request,
  context: OperationContext,
) {
  checkRegistryId(registry, request);
  const name = String(request.repositoryName);
  const ids = request.imageIds as ImageId[];
  const accepted = request.acceptedMediaTypes as string[] | undefined;
  const images: unknown[] = [];
  const failures: unknown[] = [];
  for (const id of ids) {
    if (id.imageDigest || id.imageTag) {
      try {
        pullThroughCache(registry, context, name, {
          tag: id.imageTag,
          digest: id.imageDigest,
        });
      } catch (error) {
        if (!(error instanceof PullFailure)) throw error;
        failures.push({
          imageId: id,
          failureCode: error.failureCode,
          failureReason: error.message,
        });
        continue;
      }
    }
    const repository = registry.repositories.get(name);
    if (!repository) throw repositoryNotFound(name, registry.accountId);
    const image = lookupImage(repository, id);
    if (isFailure(image)) {
      failures.push({ imageId: id, ...image });
      continue;
    }
    if (image.imageStatus !== 'ACTIVE') {
      failures.push({
        imageId: id,
        failureCode: 'ImageInaccessible',
        failureReason: `The image is ${image.imageStatus.toLowerCase()} and cannot be pulled until it is restored`,
      });
      continue;
    }
    if (accepted && !accepted.includes(image.imageManifestMediaType)) {
      // The model has no failure code for an unaccepted media type; ECR reports it as not found.
      failures.push({
        imageId: id,
        failureCode: 'ImageNotFound',
        failureReason: `Requested image not found: its manifest media type ${image.imageManifestMediaType} is not in acceptedMediaTypes`,
      });
      continue;
    }
    // A pull is recorded, refreshed at most once a day (ImageDetail.lastRecordedPullTime).
    if (context.now - (image.lastRecordedPullTime ?? 0) >= 24 * 3600) {
      image.lastRecordedPullTime = context.now;
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
