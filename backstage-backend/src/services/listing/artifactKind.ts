import type { ArtifactKind } from '@ecr-kit/backstage-plugin-ecr-common';

/** What a manifest is, from its manifest and artifact media types. */
export function artifactKind(image: {
  manifestMediaType?: string;
  artifactMediaType?: string;
  subjectDigest?: string;
}): ArtifactKind {
  const manifest = image.manifestMediaType ?? '';
  const artifact = (image.artifactMediaType ?? '').toLowerCase();
  if (/image\.index|manifest\.list/.test(manifest)) return 'image-index';
  if (artifact.includes('helm')) return 'helm-chart';
  if (artifact.includes('sig') || artifact.includes('notary'))
    return 'signature';
  if (
    artifact.includes('spdx') ||
    artifact.includes('cyclonedx') ||
    artifact.includes('sbom')
  ) {
    return 'sbom';
  }
  if (artifact.includes('in-toto') || artifact.includes('attestation'))
    return 'attestation';
  if (image.subjectDigest) return 'other';
  if (
    artifact === '' ||
    artifact.includes('image.config') ||
    artifact.includes('container.image')
  ) {
    return 'image';
  }
  return 'other';
}
