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

/** The artifact kinds in the order the filter offers them. */
export const ARTIFACT_KINDS = Object.keys(LABELS) as ArtifactKind[];

export function artifactKindLabel(kind: ArtifactKind): string {
  return LABELS[kind] ?? kind;
}
