import { MEDIA_TYPES } from '../mediaTypes';
import type { ImageRecord } from '../model';

const IMAGE_CONFIG_TYPES: readonly string[] = [
  MEDIA_TYPES.ociImageConfig,
  MEDIA_TYPES.dockerImageConfig,
];

/**
 * Whether the manifest is a runnable image rather than another OCI artifact (signature, SBOM,
 * attestation, Helm chart), which Inspector reports as an unsupported media type.
 */
export function isContainerImageArtifact(image: ImageRecord): boolean {
  return (
    image.artifactMediaType === undefined ||
    IMAGE_CONFIG_TYPES.includes(image.artifactMediaType)
  );
}
