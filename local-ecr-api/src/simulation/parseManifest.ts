import { createHash } from 'node:crypto';
import { EcrApiError, invalidParameterAt } from '../EcrApiError';
import { MEDIA_TYPES } from '../mediaTypes';
import type { ArrivingImage } from './storeImage';

/** Manifest media types ECR stores (Docker schema 2 and OCI; schema 1 is long deprecated). */
const MANIFEST_TYPES = new Set<string>([
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerManifest,
  MEDIA_TYPES.dockerManifestList,
]);
const INDEX_TYPES = new Set<string>([
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerManifestList,
]);

interface Descriptor {
  mediaType?: string;
  digest?: string;
  size?: number;
  platform?: { architecture: string; os: string; variant?: string };
}

interface ManifestDocument {
  schemaVersion?: number;
  mediaType?: string;
  artifactType?: string;
  config?: Descriptor;
  layers?: Descriptor[];
  manifests?: Descriptor[];
  subject?: Descriptor;
}

/** `sha256:<hex>` of the manifest bytes, as registries compute a manifest's digest. */
export function manifestDigest(manifest: string): string {
  return `sha256:${createHash('sha256').update(manifest, 'utf8').digest('hex')}`;
}

/**
 * Reads what PutImage needs from an image manifest: digest, media type, size, referenced
 * platform manifests and subject. Layers are not modelled (blobs are assumed uploaded).
 */
export function parseManifest(
  manifest: string,
  declaredMediaType: string | undefined,
  sizeOf: (digest: string) => number | undefined,
): ArrivingImage {
  let document: ManifestDocument;
  try {
    document = JSON.parse(manifest) as ManifestDocument;
  } catch {
    throw invalidParameterAt('ImageManifest', 'Invalid JSON syntax');
  }
  if (
    typeof document !== 'object' ||
    document === null ||
    document.schemaVersion !== 2
  ) {
    throw invalidParameterAt(
      'ImageManifest',
      'Unsupported manifest: schemaVersion must be 2 (Docker image manifest V2 schema 2 or OCI)',
    );
  }
  const mediaType =
    declaredMediaType ??
    document.mediaType ??
    (document.manifests ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.ociManifest);
  if (
    document.mediaType &&
    declaredMediaType &&
    document.mediaType !== declaredMediaType
  ) {
    throw invalidParameterAt(
      'imageManifestMediaType',
      `The media type '${declaredMediaType}' does not match the manifest's mediaType '${document.mediaType}'`,
    );
  }
  if (!MANIFEST_TYPES.has(mediaType)) {
    throw invalidParameterAt(
      'imageManifestMediaType',
      `Unsupported manifest media type '${mediaType}'`,
    );
  }
  if (INDEX_TYPES.has(mediaType)) {
    const manifests = (document.manifests ?? []).map(m => {
      if (!m.digest || !m.mediaType) {
        throw invalidParameterAt(
          'ImageManifest',
          'Every manifest of an index needs mediaType and digest',
        );
      }
      return {
        digest: m.digest,
        mediaType: m.mediaType,
        size: m.size ?? 0,
        platform: m.platform ?? { architecture: 'unknown', os: 'unknown' },
      };
    });
    return {
      imageDigest: manifestDigest(manifest),
      imageManifestMediaType: mediaType,
      manifest,
      // The model documents an index's size as the largest of its manifests.
      imageSizeInBytes: Math.max(
        0,
        ...manifests.map(m => sizeOf(m.digest) ?? 0),
      ),
      manifests,
      ...(document.artifactType
        ? { artifactMediaType: document.artifactType }
        : {}),
    };
  }
  if (!document.config?.mediaType) {
    throw new EcrApiError(
      'InvalidParameterException',
      "Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'An image manifest needs a config descriptor'",
    );
  }
  const layers = document.layers ?? [];
  return {
    imageDigest: manifestDigest(manifest),
    imageManifestMediaType: mediaType,
    manifest,
    imageSizeInBytes:
      (document.config.size ?? 0) +
      layers.reduce((sum, l) => sum + (l.size ?? 0), 0),
    artifactMediaType: document.artifactType ?? document.config.mediaType,
    ...(document.subject?.digest
      ? { subjectManifestDigest: document.subject.digest }
      : {}),
  };
}
