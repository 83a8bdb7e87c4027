import type { ArtifactKind } from '@ecr-kit/backstage-plugin-ecr-common';

const LABELS: Record<ArtifactKind, string> = {
  image: 'Image',
  'image-index': 'Multi-arch index',
  'helm-chart': 'Helm chart',
  signature: 'Signature',
  sbom: 'SBOM',
  attestation: 'Attestation',
  other: 'Other artifact',
};

export function artifactKindLabel(kind: ArtifactKind): string {
  return LABELS[kind] ?? kind;
}
