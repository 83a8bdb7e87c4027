/**
 * Media types of the manifests and artifacts ECR stores.
 *
 * @public
 */
export const MEDIA_TYPES = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList:
    'application/vnd.docker.distribution.manifest.list.v2+json',
  ociImageConfig: 'application/vnd.oci.image.config.v1+json',
  dockerImageConfig: 'application/vnd.docker.container.image.v1+json',
  helmChart: 'application/vnd.cncf.helm.config.v1+json',
  cosignSignature: 'application/vnd.dev.cosign.artifact.sig.v1+json',
  notarySignature: 'application/vnd.cncf.notary.signature',
  spdxSbom: 'application/spdx+json',
  cyclonedxSbom: 'application/vnd.cyclonedx+json',
  inTotoAttestation: 'application/vnd.in-toto+json',
} as const;
