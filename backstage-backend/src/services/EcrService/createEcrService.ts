import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  ecrConsoleLinks,
  ecrRepositoryUri,
  type EcrImage,
  type EcrRepositorySummary,
  type EcrScanSummary,
  type RepositoryArn,
} from '@ecr-kit/backstage-plugin-ecr-common';
import {
  AwsTimeoutError,
  type AwsClients,
} from '@ecr-kit/backstage-plugin-ecr-node';
import { createEcrCaller } from '../aws/createEcrCaller';
import { AWS_STEPS, type AwsStep } from '../aws/iamActions';
import { cacheKeys } from '../caching/cacheKeys';
import type { CachedLoader } from '../caching/createCachedLoader';
import { createDeadline, type Deadline } from '../caching/deadline';
import { groupImages } from '../listing/groupImages';
import { selectImages } from '../listing/imageViews';
import { listImageInventory } from '../listing/listImageInventory';
import type { ImageInventory, IndexChild } from '../listing/types';
import {
  createEntityRepositories,
  type TagLookupTarget,
} from '../repositories/createEntityRepositories';
import {
  describeRepository,
  type RepositorySettings,
} from '../repositories/describeRepository';
import { combineScans } from '../scanning/combineScans';
import { createScanSummaries } from '../scanning/createScanSummaries';
import { createSeverityFilter } from '../scanning/createSeverityFilter';
import { listInspectorSeverities } from '../scanning/inspectorSeverities';
import {
  readImageFindings,
  selectFindings,
} from '../scanning/readImageFindings';
import { createKeyedLimiter } from '../util/keyedLimiter';
import { mapLimit } from '../util/mapLimit';
import type { EcrService } from './types';

export type { TagLookupTarget };

/** Limits that keep one view bounded in time and in AWS calls. */
export interface EcrServiceLimits {
  /** How long one view may wait for AWS before answering (stale if it can). */
  readonly deadlineMs: number;
  /** Concurrent DescribeImageScanFindings calls per view. */
  readonly findingsConcurrency: number;
  /** Concurrent AWS calls per account and Region (all views of this instance). */
  readonly concurrencyPerRegion: number;
  /** Repositories one entity may name. */
  readonly maxRepositoriesPerEntity: number;
}

/** Defaults of {@link EcrServiceLimits} (`ecr.*` in app-config). */
export const DEFAULT_ECR_SERVICE_LIMITS: EcrServiceLimits = {
  deadlineMs: 15_000,
  findingsConcurrency: 25,
  concurrencyPerRegion: 50,
  maxRepositoriesPerEntity: 20,
};

/** Creates the {@link EcrService}. */
export function createEcrService(options: {
  clients: AwsClients;
  loader: CachedLoader;
  logger: LoggerService;
  tagLookup: readonly TagLookupTarget[];
  limits?: Partial<EcrServiceLimits>;
}): EcrService {
  const { loader } = options;
  const limits = { ...DEFAULT_ECR_SERVICE_LIMITS, ...options.limits };
  const call = createEcrCaller({
    ...options,
    limiter: createKeyedLimiter(limits.concurrencyPerRegion),
  });
  const repositories = createEntityRepositories({
    ...options,
    maxRepositories: limits.maxRepositoriesPerEntity,
  });
  const scans = createScanSummaries({ loader, call });

  /** What a view waiting past its deadline answers when nothing is cached to serve. */
  const timedOut = (arn: RepositoryArn, step: AwsStep) => () =>
    new AwsTimeoutError(
      `Amazon ECR did not answer within ${Math.round(limits.deadlineMs / 1000)} s in account ${arn.accountId} (${arn.region}) while trying to ${step.action}; try again shortly`,
    );

  /** What each cached value is read from (uncached). */
  const fetchers = {
    /**
     * A repository's whole listing. Index manifests read before (kept per digest for
     * `digestTtlMs`: a digest's content never changes) are not read again.
     */
    async inventory(arn: RepositoryArn) {
      const known = await loader.peek<Record<string, IndexChild[]>>(
        cacheKeys.manifests(arn),
      );
      const listing = await call(arn, AWS_STEPS.listImages, ecr =>
        listImageInventory(ecr, arn, { known }),
      );
      await loader.store(
        cacheKeys.manifests(arn),
        listing.indexChildren,
        loader.ttls.digestTtlMs,
      );
      return listing;
    },
    settings: (arn: RepositoryArn) =>
      call(arn, AWS_STEPS.describeRepository, ecr =>
        describeRepository(ecr, arn),
      ),
    severities: (arn: RepositoryArn) =>
      call.inspector(arn, AWS_STEPS.readSeverities, inspector =>
        listInspectorSeverities(inspector, arn),
      ),
  };

  const severityFilter = createSeverityFilter({
    loader,
    scans,
    fetchSeverities: fetchers.severities,
  });

  const inventory = (arn: RepositoryArn, deadline?: Deadline) =>
    loader.load(cacheKeys.images(arn), () => fetchers.inventory(arn), {
      deadline,
      onTimeout: timedOut(arn, AWS_STEPS.listImages),
    });

  const settings = (arn: RepositoryArn, deadline?: Deadline) =>
    loader.load(cacheKeys.repository(arn), () => fetchers.settings(arn), {
      deadline,
      onTimeout: timedOut(arn, AWS_STEPS.describeRepository),
    });

  return {
    async listRepositories(entity) {
      const deadline = createDeadline(limits.deadlineMs);
      const errors: { arn: string; message: string }[] = [];
      let fetchedAt = new Date().toISOString();
      let stale = false;
      const staleReasons: string[] = [];
      const summaries = await mapLimit(
        await repositories.list(entity),
        4,
        async (arn): Promise<EcrRepositorySummary | undefined> => {
          try {
            const [described, images] = await Promise.all([
              settings(arn, deadline),
              inventory(arn, deadline),
            ]);
            for (const { freshness } of [described, images]) {
              if (freshness.stale) {
                stale = true;
                if (freshness.staleReason) {
                  staleReasons.push(freshness.staleReason);
                }
              }
              if (freshness.fetchedAt < fetchedAt) {
                fetchedAt = freshness.fetchedAt;
              }
            }
            const consoleUrl = ecrConsoleLinks(arn).repository;
            return {
              ...described.value,
              uri: ecrRepositoryUri(arn),
              // As the images table counts them: platform manifests and referrers
              // are grouped under their image.
              imageCount: groupImages(images.value).length,
              ...(consoleUrl ? { consoleUrl } : {}),
            };
          } catch (error) {
            errors.push({ arn: arn.arn, message: (error as Error).message });
            return undefined;
          }
        },
      );
      return {
        repositories: summaries.filter((s): s is EcrRepositorySummary =>
          Boolean(s),
        ),
        errors,
        freshness: {
          fetchedAt,
          stale,
          ...(stale
            ? { staleReason: [...new Set(staleReasons)].join('; ') }
            : {}),
        },
      };
    },

    async listImages(entity, repositoryArn, query) {
      const deadline = createDeadline(limits.deadlineMs);
      const arn = await repositories.find(entity, repositoryArn);
      const links = ecrConsoleLinks(arn);
      const { value, freshness } = await inventory(arn, deadline);
      const grouped = groupImages(value);
      const severity = query.minSeverity
        ? await severityFilter(arn, grouped, query.minSeverity, {
            deadline,
            enhanced: await settings(arn, deadline).then(
              s => s.value.scanning.type === 'ENHANCED',
              () => false,
            ),
          })
        : undefined;
      const selection = selectImages(grouped, query, severity);
      const known = new Map<string, EcrScanSummary>();
      // Summaries for the page only: its images and the platforms of its indexes. One that
      // cannot be read leaves that image's scan UNAVAILABLE; the listing is still served.
      const wanted = selection.images.flatMap(i =>
        i.kind === 'image-index' && i.children.length > 0 ? i.children : [i],
      );
      await mapLimit(wanted, limits.findingsConcurrency, async image => {
        if (!image.scan && !known.has(image.digest)) {
          known.set(image.digest, await scans.of(arn, image.digest, deadline));
        }
      });
      const withScan = (image: EcrImage): EcrImage => ({
        ...image,
        scan: image.scan ?? known.get(image.digest),
      });
      const linked = (image: EcrImage): EcrImage => {
        const consoleUrl = links.image(image.digest);
        return consoleUrl ? { ...image, consoleUrl } : image;
      };
      const images = selection.images.map(image => {
        if (image.kind !== 'image-index' || image.children.length === 0) {
          return linked(withScan(image));
        }
        const children = image.children.map(withScan);
        return linked({
          ...image,
          children,
          scan: image.scan ?? combineScans(children.map(c => c.scan!)),
        });
      });
      return {
        repository: {
          arn: arn.arn,
          uri: ecrRepositoryUri(arn),
          ...(links.repository ? { consoleUrl: links.repository } : {}),
        },
        ...selection,
        images,
        freshness,
      };
    },

    async prewarm(entity, { maxAgeMs }) {
      const sentBefore = options.clients.requestsSent();
      const result = { repositories: 0, refreshed: 0, images: 0, calls: 0 };
      for (const arn of await repositories.list(entity)) {
        result.repositories += 1;
        const warm = <T>(key: string, fetch: () => Promise<T>) =>
          loader.warm(key, fetch, { maxAgeMs });
        const refreshed = await warm(cacheKeys.images(arn), () =>
          fetchers.inventory(arn),
        );
        await warm(cacheKeys.repository(arn), () => fetchers.settings(arn));
        const [described, listing] = await Promise.all([
          loader.peek<RepositorySettings>(cacheKeys.repository(arn)),
          loader.peek<ImageInventory>(cacheKeys.images(arn)),
        ]);
        if (described?.scanning.type === 'ENHANCED') {
          await warm(cacheKeys.severities(arn), () => fetchers.severities(arn));
        }
        if (refreshed) result.refreshed += 1;
        result.images += listing?.images.length ?? 0;
      }
      return { ...result, calls: options.clients.requestsSent() - sentBefore };
    },

    async getFindings(entity, repositoryArn, digest, filter) {
      const deadline = createDeadline(limits.deadlineMs);
      const arn = await repositories.find(entity, repositoryArn);
      const { value: listing } = await inventory(arn, deadline);
      if (!listing.images.some(r => r.digest === digest)) {
        throw new NotFoundError(
          `Image ${digest} is not in repository ${arn.repositoryName}`,
        );
      }
      const { value, freshness } = await loader.load(
        cacheKeys.findings(arn, digest),
        () =>
          call(arn, AWS_STEPS.readFindings, ecr =>
            readImageFindings(ecr, arn, digest),
          ),
        { deadline, onTimeout: timedOut(arn, AWS_STEPS.readFindings) },
      );
      const consoleUrl = ecrConsoleLinks(arn).image(digest);
      return {
        digest,
        ...(consoleUrl ? { consoleUrl } : {}),
        scan: value.summary,
        findings: selectFindings(value.findings, filter),
        freshness,
      };
    },
  };
}
