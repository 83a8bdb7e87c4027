import { DescribeImageScanFindingsCommand } from '@aws-sdk/client-ecr';
import { isError } from '@backstage/errors';
import type {
  EcrScanSummary,
  RepositoryArn,
} from '@ecr-kit/backstage-plugin-ecr-common';
import type { EcrCaller } from '../aws/createEcrCaller';
import { AWS_STEPS } from '../aws/iamActions';
import { cacheKeys } from '../caching/cacheKeys';
import type { CachedLoader } from '../caching/createCachedLoader';
import type { Deadline } from '../caching/deadline';
import { mapLimit } from '../util/mapLimit';
import { NOT_SCANNED, scanSummary } from './scanSummary';

/** Scan summaries per image digest, cached; DescribeImages no longer carries them. */
export interface ScanSummaries {
  /**
   * The summary of one image (cached per digest; one DescribeImageScanFindings on a miss).
   * A call that is denied, throttled or too slow gives an UNAVAILABLE summary with the
   * reason instead of failing the view.
   */
  of(
    arn: RepositoryArn,
    digest: string,
    deadline?: Deadline,
  ): Promise<EcrScanSummary>;
  /** Summaries already cached, without calling AWS; `missing` lists the digests not cached. */
  cached(
    arn: RepositoryArn,
    digests: readonly string[],
  ): Promise<{ known: Map<string, EcrScanSummary>; missing: string[] }>;
  /** Fills the cache for `digests` in the background at a bounded rate (one run per repository). */
  warm(arn: RepositoryArn, digests: readonly string[]): void;
}

/** Creates {@link ScanSummaries}. */
export function createScanSummaries(options: {
  loader: CachedLoader;
  call: EcrCaller;
  /** Concurrent DescribeImageScanFindings calls of a background warm-up. */
  warmConcurrency?: number;
}): ScanSummaries {
  const { loader, call } = options;
  const warming = new Set<string>();

  async function read(arn: RepositoryArn, digest: string, deadline?: Deadline) {
    const { value } = await loader.load(
      cacheKeys.scan(arn, digest),
      () =>
        call(arn, AWS_STEPS.readScan, async ecr => {
          try {
            // The smallest page of findings still carries the severity counts.
            const response = await ecr.send(
              new DescribeImageScanFindingsCommand({
                registryId: arn.accountId,
                repositoryName: arn.repositoryName,
                imageId: { imageDigest: digest },
                maxResults: 1,
              }),
            );
            return scanSummary(response);
          } catch (error) {
            if (isError(error) && error.name === 'ScanNotFoundException') {
              return NOT_SCANNED;
            }
            throw error;
          }
        }),
      {
        deadline,
        ttlMs: loader.ttls.scanTtlMs,
        onTimeout: () =>
          new Error(
            `Amazon ECR did not answer in time in account ${arn.accountId} (${arn.region}) while trying to read scan results`,
          ),
      },
    );
    return value;
  }

  async function of(
    arn: RepositoryArn,
    digest: string,
    deadline?: Deadline,
  ): Promise<EcrScanSummary> {
    try {
      return await read(arn, digest, deadline);
    } catch (error) {
      return {
        state: 'UNAVAILABLE',
        unavailableReason: (error as Error).message,
      };
    }
  }

  return {
    of,
    async cached(arn, digests) {
      const known = new Map<string, EcrScanSummary>();
      const missing: string[] = [];
      await mapLimit(digests, 32, async digest => {
        const summary = await loader.peek<EcrScanSummary>(
          cacheKeys.scan(arn, digest),
        );
        if (summary) known.set(digest, summary);
        else missing.push(digest);
      });
      return { known, missing };
    },
    warm(arn, digests) {
      if (warming.has(arn.arn) || digests.length === 0) return;
      warming.add(arn.arn);
      // Failures only delay the severity filter; the next view retries the rest.
      mapLimit(digests, options.warmConcurrency ?? 2, digest =>
        read(arn, digest).catch(() => undefined),
      )
        .finally(() => warming.delete(arn.arn))
        .catch(() => undefined);
    },
  };
}
