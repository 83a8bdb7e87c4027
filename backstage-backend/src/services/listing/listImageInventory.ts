import {
  paginateDescribeImages,
  type ECRClient,
  type ImageDetail,
  type TagStatus,
} from '@aws-sdk/client-ecr';
import type { RepositoryArn } from '@ecr-kit/backstage-plugin-ecr-common';
import { scanSummary } from '../scanning/scanSummary';
import {
  INDEX_MEDIA_TYPES,
  MANIFEST_BATCH_SIZE,
  readIndexManifests,
} from './indexManifests';
import type { ImageInventory, ImageRecord, IndexChild } from './types';

/** DescribeImages returns at most 1,000 images per call (ECR API model: `maxResults`). */
const DESCRIBE_PAGE_SIZE = 1000;

/**
 * The listing runs as two chains of pages at once, tagged and untagged images, so the
 * round trips in a row are about half the pages (at most one call more in all).
 */
const TAG_STATUSES: readonly TagStatus[] = ['TAGGED', 'UNTAGGED'];

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

/** Bounds the concurrent BatchGetImage calls of one listing. */
function createPool(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>(r => waiting.push(r));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

/**
 * Lists every image of a repository — every DescribeImages page, archived images included —
 * and the platforms of its image indexes, pipelined: as each page arrives, index manifests
 * not seen before are read (BatchGetImage, 100 per call, `manifestConcurrency` at a time)
 * while the next pages are still being listed. `known` holds index manifests read earlier:
 * a digest's content never changes, so a refresh only reads indexes it has not seen.
 * Archived indexes are not read (ECR serves no manifest of an archived image).
 */
export async function listImageInventory(
  ecr: ECRClient,
  arn: RepositoryArn,
  options: {
    known?: Readonly<Record<string, IndexChild[]>>;
    manifestConcurrency?: number;
  } = {},
): Promise<ImageInventory> {
  const known = options.known ?? {};
  const pool = createPool(options.manifestConcurrency ?? 4);
  const byDigest = new Map<string, ImageRecord>();
  const indexChildren: Record<string, IndexChild[]> = {};
  const pending: string[] = [];
  const reads: Promise<void>[] = [];
  const read = (digests: string[]) => {
    const reading = pool(() => readIndexManifests(ecr, arn, digests)).then(
      children => {
        Object.assign(indexChildren, children);
      },
    );
    // Awaited (and its failure thrown) once the pages are listed.
    reading.catch(() => undefined);
    reads.push(reading);
  };

  const chain = async (tagStatus: TagStatus) => {
    for await (const page of paginateDescribeImages(
      { client: ecr, pageSize: DESCRIBE_PAGE_SIZE },
      {
        registryId: arn.accountId,
        repositoryName: arn.repositoryName,
        filter: { tagStatus, imageStatus: 'ANY' },
      },
    )) {
      for (const detail of page.imageDetails ?? []) {
        const record = toRecord(detail);
        // A tag moved while listing can show an image in both chains: keep one.
        if (byDigest.has(record.digest)) continue;
        byDigest.set(record.digest, record);
        if (!INDEX_MEDIA_TYPES.includes(record.manifestMediaType ?? '')) {
          continue;
        }
        if (known[record.digest]) {
          indexChildren[record.digest] = known[record.digest];
        } else if (record.status === 'ACTIVE') {
          pending.push(record.digest);
        }
      }
      while (pending.length >= MANIFEST_BATCH_SIZE) {
        read(pending.splice(0, MANIFEST_BATCH_SIZE));
      }
    }
  };

  // Settle every chain and read before answering, so none is left running on failure.
  const chains = await Promise.allSettled(TAG_STATUSES.map(chain));
  if (pending.length > 0) read(pending.splice(0));
  const settled = await Promise.allSettled(reads);
  for (const outcome of [...chains, ...settled]) {
    if (outcome.status === 'rejected') throw outcome.reason;
  }
  return { images: [...byDigest.values()], indexChildren };
}
