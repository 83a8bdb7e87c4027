import { registryHost } from '@ecr-kit/ecr-standard';
import { EcrApiError, repositoryNotFound } from './EcrApiError';
import { findImage, isFailure, lookupImage, type ImageId } from './imageIds';
import type { ImageRecord, RepositoryRecord } from './model';
import type { Registry } from './Registry';
import { checkRegistryId, findRepository } from './repositoryOperations';
import { isAuthorized } from './simulation/authorize';
import {
  RepositoryCreationFailure,
  createFromTemplate,
  matchingTemplate,
} from './simulation/creationTemplates';
import { manifestDigest, parseManifest } from './simulation/parseManifest';
import { replicate } from './simulation/replication';
import { scanSettings } from './simulation/scanning';
import { storeImage } from './simulation/storeImage';
import type { OperationContext, Request } from './world/OperationContext';

/**
 * The repository a push goes to. A missing one is created on push when a CREATE_ON_PUSH
 * creation template covers the name and the caller may `ecr:CreateRepository`
 * (repository-creation-templates: "create on push"); otherwise the push fails as before.
 */
function pushTarget(
  registry: Registry,
  context: OperationContext,
  name: string,
): RepositoryRecord {
  const existing = registry.repositories.get(name);
  if (existing) return existing;
  if (!matchingTemplate(registry, name, 'CREATE_ON_PUSH')) {
    throw repositoryNotFound(name, registry.accountId);
  }
  const arn = registry.repositoryArn(name);
  if (!isAuthorized(context.caller, registry, 'ecr:CreateRepository', arn)) {
    throw new EcrApiError(
      'AccessDeniedException',
      `User: ${context.caller.principalArn} is not authorized to perform: ecr:CreateRepository on resource: ${arn} (create on push)`,
    );
  }
  try {
    return createFromTemplate(
      registry,
      context.world,
      name,
      'CREATE_ON_PUSH',
      context.now,
    );
  } catch (error) {
    if (!(error instanceof RepositoryCreationFailure)) throw error;
    throw new EcrApiError('InvalidParameterException', error.message);
  }
}

/**
 * PutImage: registers a manifest under an optional tag (the last step of `docker push`),
 * then replicates it per the registry's replication configuration.
 */
export function putImage(
  registry: Registry,
  request: Request,
  context: OperationContext,
) {
  checkRegistryId(registry, request);
  const name = String(request.repositoryName);
  const manifest = String(request.imageManifest);
  if (
    request.imageDigest !== undefined &&
    request.imageDigest !== manifestDigest(manifest)
  ) {
    throw new EcrApiError(
      'ImageDigestDoesNotMatchException',
      `The specified digest '${String(request.imageDigest)}' does not match the digest ${manifestDigest(manifest)} of the manifest`,
    );
  }
  const existing = registry.repositories.get(name);
  const arriving = parseManifest(
    manifest,
    request.imageManifestMediaType as string | undefined,
    digest => existing?.images.get(digest)?.imageSizeInBytes,
  );
  const repository = pushTarget(registry, context, name);
  const tag = request.imageTag as string | undefined;
  const image = storeImage(registry, repository, arriving, tag, context.now);
  const platforms = (image.manifests ?? [])
    .map(m => repository.images.get(m.digest))
    .filter((i): i is ImageRecord => i !== undefined);
  replicate(
    context.world,
    registry,
    repository,
    image,
    tag,
    platforms,
    context.now,
  );
  return {
    image: {
      registryId: registry.accountId,
      repositoryName: name,
      imageId: {
        imageDigest: image.imageDigest,
        ...(tag ? { imageTag: tag } : {}),
      },
      imageManifest: manifest,
      imageManifestMediaType: image.imageManifestMediaType,
    },
  };
}

/**
 * BatchDeleteImage: by digest removes the image; by tag removes the tag, and the image with
 * its last tag (https://docs.aws.amazon.com/AmazonECR/latest/userguide/delete_image.html).
 * A platform manifest still listed by an index is not deleted.
 */
export function batchDeleteImage(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  const deleted: ImageId[] = [];
  const failures: unknown[] = [];
  for (const id of request.imageIds as ImageId[]) {
    const image = lookupImage(repository, id);
    if (isFailure(image)) {
      failures.push({ imageId: id, ...image });
      continue;
    }
    const referencedBy = [...repository.images.values()].find(other =>
      other.manifests?.some(m => m.digest === image.imageDigest),
    );
    const removesImage = !id.imageTag || image.imageTags.length <= 1;
    if (removesImage && referencedBy) {
      failures.push({
        imageId: id,
        failureCode: 'ImageReferencedByManifestList',
        failureReason: `Requested image is referenced by the manifest list ${referencedBy.imageDigest}`,
      });
      continue;
    }
    if (removesImage) {
      repository.images.delete(image.imageDigest);
      if (image.imageTags.length === 0)
        deleted.push({ imageDigest: image.imageDigest });
      for (const tag of image.imageTags)
        deleted.push({ imageDigest: image.imageDigest, imageTag: tag });
    } else {
      image.imageTags = image.imageTags.filter(t => t !== id.imageTag);
      deleted.push({ imageDigest: image.imageDigest, imageTag: id.imageTag });
    }
  }
  return { imageIds: deleted, failures };
}

/** Basic scanning allows one manual scan per image per 24 hours (StartImageScan). */
const MANUAL_SCAN_INTERVAL_SECONDS = 24 * 3600;

export function startImageScan(
  registry: Registry,
  request: Request,
  context: OperationContext,
) {
  const repository = findRepository(registry, request);
  const image = findImage(registry, repository, request.imageId as ImageId);
  if (registry.settings.scanType === 'ENHANCED') {
    throw new EcrApiError(
      'ValidationException',
      'StartImageScan starts basic scans; with enhanced scanning Amazon Inspector scans images itself',
    );
  }
  if (image.imageStatus === 'ARCHIVED') {
    throw new EcrApiError(
      'ImageArchivedException',
      `The image ${image.imageDigest} is archived and cannot be scanned`,
    );
  }
  if (image.manifests) {
    throw new EcrApiError(
      'UnsupportedImageTypeException',
      'The image is a manifest list; scan its platform images instead',
    );
  }
  if (
    image.scan?.completedAt &&
    context.now - image.scan.completedAt < MANUAL_SCAN_INTERVAL_SECONDS
  ) {
    throw new EcrApiError(
      'LimitExceededException',
      'The scan quota per image has been exceeded. Wait and try again.',
    );
  }
  image.scan = {
    status: 'COMPLETE',
    description: 'The scan was completed successfully.',
    completedAt: context.now,
    vulnerabilitySourceUpdatedAt: context.now,
    findings: (image.scan?.findings ?? []).filter(
      f => f.severity !== 'UNTRIAGED',
    ),
  };
  return {
    registryId: registry.accountId,
    repositoryName: repository.repositoryName,
    imageId: {
      imageDigest: image.imageDigest,
      ...(image.imageTags[0] ? { imageTag: image.imageTags[0] } : {}),
    },
    imageScanStatus: { status: 'IN_PROGRESS' },
  };
}

export function describeImageReplicationStatus(
  registry: Registry,
  request: Request,
) {
  const repository = findRepository(registry, request);
  const image = findImage(registry, repository, request.imageId as ImageId);
  return {
    repositoryName: repository.repositoryName,
    imageId: {
      imageDigest: image.imageDigest,
      ...(image.imageTags[0] ? { imageTag: image.imageTags[0] } : {}),
    },
    replicationStatuses: image.replicationStatuses ?? [],
  };
}

/** A fake docker login: `AWS:<password>` in base64, valid 12 hours, like the real token. */
export function getAuthorizationToken(
  registry: Registry,
  request: Request,
  context: OperationContext,
) {
  const ids = (request.registryIds as string[] | undefined) ?? [
    registry.accountId,
  ];
  return {
    authorizationData: ids.map(id => ({
      authorizationToken: Buffer.from(
        `AWS:local-ecr-api-token-${id}-${context.now}`,
      ).toString('base64'),
      expiresAt: context.now + 12 * 3600,
      proxyEndpoint: `https://${registryHost(id, registry.region)}`,
    })),
  };
}

export function batchGetRepositoryScanningConfiguration(
  registry: Registry,
  request: Request,
) {
  const configurations: unknown[] = [];
  const failures: unknown[] = [];
  for (const name of request.repositoryNames as string[]) {
    const repository = registry.repositories.get(name);
    if (!repository) {
      failures.push({
        repositoryName: name,
        failureCode: 'REPOSITORY_NOT_FOUND',
        failureReason: 'REPOSITORY_NOT_FOUND',
      });
      continue;
    }
    const settings = scanSettings(registry, repository);
    configurations.push({
      repositoryArn: registry.repositoryArn(name),
      repositoryName: name,
      scanOnPush: repository.scanOnPush,
      scanFrequency: settings.frequency,
      appliedScanFilters: settings.filters,
    });
  }
  return { scanningConfigurations: configurations, failures };
}
