import type {
  EcrImage,
  EcrScanSummary,
  RepositoryArn,
  Severity,
} from '@ecr-kit/backstage-plugin-ecr-common';
import { AwsTimeoutError } from '@ecr-kit/backstage-plugin-ecr-node';
import { cacheKeys } from '../caching/cacheKeys';
import type { CachedLoader } from '../caching/createCachedLoader';
import type { Deadline } from '../caching/deadline';
import type { SeverityTest } from '../listing/imageViews';
import type { ScanSummaries } from './createScanSummaries';
import {
  imageMatches,
  inspectorMatches,
  type InspectorCounts,
} from './inspectorSeverities';
import { hasSeverity } from './scanSummary';

/** How a minimum-severity filter over a whole repository is decided. */
export type SeverityFilter = (
  arn: RepositoryArn,
  images: readonly EcrImage[],
  minimum: Severity,
  options: { deadline: Deadline; enhanced: boolean },
) => Promise<SeverityTest>;

/**
 * Creates the {@link SeverityFilter}:
 * - enhanced scanning: one Amazon Inspector aggregation of the repository (cached like a
 *   listing) decides every image at once; only images whose findings Inspector counts
 *   together (low, informational, untriaged) need their own summary;
 * - basic scanning (or Inspector not readable): each image's cached summary decides it; the
 *   ones not cached yet are read in the background and counted as not yet evaluated.
 */
export function createSeverityFilter(options: {
  loader: CachedLoader;
  scans: ScanSummaries;
  /** Reads Inspector's counts of a repository (uncached). */
  fetchSeverities: (
    arn: RepositoryArn,
  ) => Promise<Record<string, InspectorCounts>>;
}): SeverityFilter {
  const { loader, scans, fetchSeverities } = options;

  /** Cached summaries of `digests`; the rest are read in the background. */
  async function known(arn: RepositoryArn, digests: string[]) {
    const cached = await scans.cached(arn, digests);
    scans.warm(arn, cached.missing);
    return cached.known;
  }

  const bySummary =
    (summaries: ReadonlyMap<string, EcrScanSummary>, minimum: Severity) =>
    (digest: string) => {
      const summary = summaries.get(digest);
      return summary ? hasSeverity(summary, minimum) : undefined;
    };

  const platformsOf = (images: readonly EcrImage[]) =>
    images.flatMap(i =>
      i.kind === 'image-index' && i.children.length > 0 ? i.children : [i],
    );

  return async (arn, images, minimum, { deadline, enhanced }) => {
    if (enhanced) {
      try {
        const { value: counts } = await loader.load<
          Record<string, InspectorCounts>
        >(cacheKeys.severities(arn), () => fetchSeverities(arn), {
          deadline,
          onTimeout: () =>
            new AwsTimeoutError('Amazon Inspector did not answer in time'),
        });
        const undecided = platformsOf(images)
          .filter(
            i => inspectorMatches(counts[i.digest], minimum) === undefined,
          )
          .map(i => i.digest);
        const summaries = await known(arn, undecided);
        const fallback = bySummary(summaries, minimum);
        return image =>
          imageMatches(
            image,
            digest =>
              inspectorMatches(counts[digest], minimum) ?? fallback(digest),
          );
      } catch (error) {
        // Still aggregating in the background: not known yet, and no per-image reads.
        if (error instanceof AwsTimeoutError) return () => undefined;
        // Inspector not readable (e.g. denied): decide per image as with basic scanning.
      }
    }
    const summaries = new Map<string, EcrScanSummary>();
    for (const image of platformsOf(images)) {
      if (image.scan) summaries.set(image.digest, image.scan);
    }
    const missing = platformsOf(images)
      .filter(i => !i.scan)
      .map(i => i.digest);
    for (const [digest, summary] of await known(arn, missing)) {
      summaries.set(digest, summary);
    }
    const test = bySummary(summaries, minimum);
    return image => imageMatches(image, test);
  };
}
