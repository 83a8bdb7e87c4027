import { BatchGetImageCommand, type ECRClient } from '@aws-sdk/client-ecr';
import type { RepositoryArn } from '@ecr-kit/backstage-plugin-ecr-common';
import type { IndexChild } from './types';

/** Media types of a multi-platform image index (OCI and Docker). */
export const INDEX_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
];

/** BatchGetImage takes at most 100 image ids (ECR API model: `ImageIdentifierList`). */
export const MANIFEST_BATCH_SIZE = 100;

/** The platform manifests an index lists; nothing for a manifest that is not an index. */
export function childrenOf(manifest: string | undefined): IndexChild[] {
  try {
    const parsed = JSON.parse(manifest ?? '{}') as {
      manifests?: {
        digest?: string;
        platform?: { os?: string; architecture?: string; variant?: string };
      }[];
    };
    return (parsed.manifests ?? [])
      .filter(m => m.digest)
      .map(m => ({
        digest: m.digest!,
        ...(m.platform?.architecture
          ? {
              platform: [
                m.platform.os,
                m.platform.architecture,
                m.platform.variant,
              ]
                .filter(Boolean)
                .join('/'),
            }
          : {}),
      }));
  } catch {
    return [];
  }
}

/** One BatchGetImage of up to 100 index digests → digest → the platforms it lists. */
export async function readIndexManifests(
  ecr: ECRClient,
  arn: RepositoryArn,
  digests: readonly string[],
): Promise<Record<string, IndexChild[]>> {
  const result = await ecr.send(
    new BatchGetImageCommand({
      registryId: arn.accountId,
      repositoryName: arn.repositoryName,
      imageIds: digests.map(imageDigest => ({ imageDigest })),
      acceptedMediaTypes: INDEX_MEDIA_TYPES,
    }),
  );
  const children: Record<string, IndexChild[]> = {};
  // `failures` (an index deleted since it was listed) are left out: the next refresh
  // no longer lists it.
  for (const image of result.images ?? []) {
    const digest = image.imageId?.imageDigest;
    if (digest) children[digest] = childrenOf(image.imageManifest);
  }
  return children;
}
