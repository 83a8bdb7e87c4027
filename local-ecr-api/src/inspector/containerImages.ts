import { formatArn } from '@ecr-kit/ecr-standard';
import { MEDIA_TYPES } from '../mediaTypes';
import type { ImageRecord } from '../model';
import type { Registry } from '../Registry';
import { repositoryScanFrequency } from './repositoryScanFrequency';
import type { ContainerImage } from './types';

/** Inspector reports `amd64` for an image no index places on a platform. */
const DEFAULT_ARCHITECTURE = 'amd64';

const INDEX_MEDIA_TYPES: readonly string[] = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerManifestList,
];

/** An image index is not scanned; its platform manifests are, as separate images. */
function isImageIndex(image: ImageRecord): boolean {
  return (
    image.manifests !== undefined ||
    INDEX_MEDIA_TYPES.includes(image.imageManifestMediaType)
  );
}

/**
 * Every container image of the registry, repository by repository in creation order, images
 * in push order. The architecture comes from the index that lists the manifest.
 */
export function containerImages(registry: Registry): ContainerImage[] {
  const images: ContainerImage[] = [];
  for (const repository of registry.repositories.values()) {
    const architectures = new Map<string, string>();
    for (const image of repository.images.values()) {
      for (const manifest of image.manifests ?? []) {
        architectures.set(manifest.digest, manifest.platform.architecture);
      }
    }
    const scanFrequency = repositoryScanFrequency(
      registry,
      repository.repositoryName,
    );
    for (const image of repository.images.values()) {
      if (isImageIndex(image)) continue;
      images.push({
        repository,
        image,
        scanFrequency,
        architecture:
          architectures.get(image.imageDigest) ?? DEFAULT_ARCHITECTURE,
        resourceId: formatArn({
          service: 'ecr',
          region: registry.region,
          accountId: registry.accountId,
          resource: `repository/${repository.repositoryName}/${image.imageDigest}`,
        }),
      });
    }
  }
  return images;
}
