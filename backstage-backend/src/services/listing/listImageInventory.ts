import {
  BatchGetImageCommand,
  paginateDescribeImages,
  type ECRClient,
  type ImageDetail,
} from '@aws-sdk/client-ecr';
import type { RepositoryArn } from '@ecr-kit/backstage-plugin-ecr-common';
import { scanSummary } from '../scanning/scanSummary';
import type { ImageInventory, ImageRecord, IndexChild } from './types';

const INDEX_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
];
/** BatchGetImage takes at most 100 image ids. */
const BATCH_SIZE = 100;

function toRecord(image: ImageDetail): ImageRecord {
  return {
    digest: image.imageDigest!,
    tags: image.imageTags ?? [],
    size: image.imageSizeInBytes,
    pushedAt: image.imagePushedAt?.toISOString(),
    lastPulledAt: image.lastRecordedPullTime?.toISOString(),
    manifestMediaType: image.imageManifestMediaType,
    artifactMediaType: image.artifactMediaType,
    subjectDigest: image.subjectManifestDigest,
    status: (image.imageStatus as ImageRecord['status']) ?? 'ACTIVE',
    // Only where the registry still returns scan data in DescribeImages.
    ...(image.imageScanStatus
      ? {
          scan: scanSummary({
            imageScanStatus: image.imageScanStatus,
            imageScanFindings: image.imageScanFindingsSummary,
          }),
        }
      : {}),
  };
}

function childrenOf(manifest: string | undefined): IndexChild[] {
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

/**
 * Lists every image of a repository — all DescribeImages pages (1,000 per call), archived
 * images included — and reads the manifests of its image indexes (BatchGetImage, 100 per
 * call) so platform manifests can be grouped under their index.
 */
export async function listImageInventory(
  ecr: ECRClient,
  arn: RepositoryArn,
): Promise<ImageInventory> {
  const images: ImageRecord[] = [];
  for await (const page of paginateDescribeImages(
    { client: ecr, pageSize: 1000 },
    {
      registryId: arn.accountId,
      repositoryName: arn.repositoryName,
      filter: { imageStatus: 'ANY' },
    },
  )) {
    for (const image of page.imageDetails ?? []) images.push(toRecord(image));
  }
  const indexes = images.filter(i =>
    INDEX_MEDIA_TYPES.includes(i.manifestMediaType ?? ''),
  );
  const indexChildren: Record<string, IndexChild[]> = {};
  for (let start = 0; start < indexes.length; start += BATCH_SIZE) {
    const batch = indexes.slice(start, start + BATCH_SIZE);
    const result = await ecr.send(
      new BatchGetImageCommand({
        registryId: arn.accountId,
        repositoryName: arn.repositoryName,
        imageIds: batch.map(i => ({ imageDigest: i.digest })),
        acceptedMediaTypes: INDEX_MEDIA_TYPES,
      }),
    );
    for (const image of result.images ?? []) {
      const digest = image.imageId?.imageDigest;
      if (digest) indexChildren[digest] = childrenOf(image.imageManifest);
    }
  }
  return { images, indexChildren };
}
