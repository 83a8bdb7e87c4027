import { EcrApiError } from './EcrApiError';
import type { ImageRecord, RepositoryRecord } from './model';
import type { Registry } from './Registry';

export interface ImageId {
  imageDigest?: string;
  imageTag?: string;
}

/** ECR's digest and tag grammar for image ids (messages as ECR words its failures). */
const DIGEST = /^[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+$/;
const TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]*$/;

/** Why an image id cannot name an image: a `failureCode` of the ECR model and its reason. */
export interface ImageIdFailure {
  readonly failureCode:
    | 'MissingDigestAndTag'
    | 'InvalidImageDigest'
    | 'InvalidImageTag'
    | 'ImageTagDoesNotMatchDigest'
    | 'ImageNotFound';
  readonly failureReason: string;
}

/** The image `id` names in `repository`, or the failure ECR reports for it. */
export function lookupImage(
  repository: RepositoryRecord,
  id: ImageId,
): ImageRecord | ImageIdFailure {
  if (!id.imageDigest && !id.imageTag) {
    return {
      failureCode: 'MissingDigestAndTag',
      failureReason:
        'Invalid request parameters: both tag and digest cannot be null',
    };
  }
  if (id.imageDigest && !DIGEST.test(id.imageDigest)) {
    return {
      failureCode: 'InvalidImageDigest',
      failureReason: `Invalid request parameters: image digest should satisfy the regex '${DIGEST.source.slice(1, -1)}'`,
    };
  }
  if (id.imageTag && !TAG.test(id.imageTag)) {
    return {
      failureCode: 'InvalidImageTag',
      failureReason: `Invalid request parameters: image tag should satisfy the regex '${TAG.source.slice(1, -1)}'`,
    };
  }
  const byDigest = id.imageDigest
    ? repository.images.get(id.imageDigest)
    : undefined;
  const byTag = id.imageTag ? findTagged(repository, id.imageTag) : undefined;
  if (id.imageDigest && id.imageTag) {
    if (byDigest && byTag && byDigest !== byTag) {
      return {
        failureCode: 'ImageTagDoesNotMatchDigest',
        failureReason:
          'Invalid request parameters: given tag does not match the digest',
      };
    }
    if (byDigest && !byTag) {
      return {
        failureCode: 'ImageTagDoesNotMatchDigest',
        failureReason:
          'Invalid request parameters: given tag does not match the digest',
      };
    }
  }
  const image = id.imageDigest ? byDigest : byTag;
  return (
    image ?? {
      failureCode: 'ImageNotFound',
      failureReason: 'Requested image not found',
    }
  );
}

export function isFailure(
  result: ImageRecord | ImageIdFailure,
): result is ImageIdFailure {
  return 'failureCode' in result;
}

function findTagged(
  repository: RepositoryRecord,
  tag: string,
): ImageRecord | undefined {
  for (const image of repository.images.values()) {
    if (image.imageTags.includes(tag)) return image;
  }
  return undefined;
}

/** ImageNotFoundException as ECR words it. */
export function imageNotFound(
  registry: Registry,
  repository: RepositoryRecord,
  id: ImageId,
): EcrApiError {
  return new EcrApiError(
    'ImageNotFoundException',
    `The image with imageId {imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'} does not exist within the repository with name '${repository.repositoryName}' in the registry with id '${registry.accountId}'`,
  );
}

/** The image `id` names, or the exception an operation on a single image throws. */
export function findImage(
  registry: Registry,
  repository: RepositoryRecord,
  id: ImageId,
): ImageRecord {
  const result = lookupImage(repository, id);
  if (!isFailure(result)) return result;
  if (
    result.failureCode === 'ImageNotFound' ||
    result.failureCode === 'ImageTagDoesNotMatchDigest'
  ) {
    throw imageNotFound(registry, repository, id);
  }
  throw new EcrApiError('InvalidParameterException', result.failureReason);
}
