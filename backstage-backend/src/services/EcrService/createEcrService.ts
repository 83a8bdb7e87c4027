import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  EcrImage,
  EcrRepositorySummary,
  EcrScanSummary,
  RepositoryArn,
} from '@ecr-kit/backstage-plugin-ecr-common';
import { combineScans } from '../combineScans';
import type { CachedLoader } from '../createCachedLoader';
import { createEcrCaller } from '../createEcrCaller';
import {
  createEntityRepositories,
  type TagLookupTarget,
} from '../createEntityRepositories';
import { createScanSummaries } from '../createScanSummaries';
import { describeRepository } from '../describeRepository';
import type { EcrClients } from '../EcrClients';
import { groupImages, selectImages } from '../imageListing';
import { listImageInventory } from '../listImageInventory';
import { mapLimit } from '../mapLimit';
import { readImageFindings, selectFindings } from '../readImageFindings';
import type { EcrService } from './types';

export type { TagLookupTarget };

/** Creates the {@link EcrService}. */
export function createEcrService(options: {
  clients: EcrClients;
  loader: CachedLoader;
  logger: LoggerService;
  tagLookup: readonly TagLookupTarget[];
  findingsConcurrency: number;
}): EcrService {
  const { loader } = options;
  const call = createEcrCaller(options);
  const repositories = createEntityRepositories(options);
  const scans = createScanSummaries({ loader, call });

  const inventory = (arn: RepositoryArn) =>
    loader.load(`images:${arn.arn}`, () =>
      call(arn, 'list images', ecr => listImageInventory(ecr, arn)),
    );

  return {
    async listRepositories(entity) {
      const errors: { arn: string; message: string }[] = [];
      let fetchedAt = new Date().toISOString();
      let stale = false;
      const summaries = await mapLimit(
        await repositories.list(entity),
        4,
        async (arn): Promise<EcrRepositorySummary | undefined> => {
          try {
            const settings = await loader.load(`repository:${arn.arn}`, () =>
              call(arn, 'describe the repository', ecr =>
                describeRepository(ecr, arn),
              ),
            );
            const images = await inventory(arn);
            for (const { freshness } of [settings, images]) {
              stale ||= freshness.stale;
              if (freshness.fetchedAt < fetchedAt) {
                fetchedAt = freshness.fetchedAt;
              }
            }
            return {
              ...settings.value,
              // As the images table counts them: platform manifests and referrers
              // are grouped under their image.
              imageCount: groupImages(images.value).length,
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
        freshness: { fetchedAt, stale },
      };
    },

    async listImages(entity, repositoryArn, query) {
      const arn = await repositories.find(entity, repositoryArn);
      const { value, freshness } = await inventory(arn);
      const grouped = groupImages(value);
      const known = new Map<string, EcrScanSummary>();
      if (query.minSeverity) {
        // Filtering the whole repository needs every image's summary: use what is cached
        // and fill the rest in the background; the response counts what is not known yet.
        const needed = grouped
          .flatMap(i => (i.kind === 'image-index' ? i.children : [i]))
          .filter(i => !i.scan);
        const cached = await scans.cached(
          arn,
          needed.map(i => i.digest),
        );
        scans.warm(arn, cached.missing);
        for (const [digest, summary] of cached.known)
          known.set(digest, summary);
        for (const index of grouped) {
          const platforms = index.children.map(c => known.get(c.digest));
          if (index.kind === 'image-index' && platforms.every(Boolean)) {
            known.set(
              index.digest,
              combineScans(platforms as EcrScanSummary[]),
            );
          }
        }
      }
      const selection = selectImages(grouped, query, known);
      // Summaries for the page only: its images and the platforms of its indexes.
      const wanted = selection.images.flatMap(i =>
        i.kind === 'image-index' && i.children.length > 0 ? i.children : [i],
      );
      await mapLimit(wanted, options.findingsConcurrency, async image => {
        if (!image.scan && !known.has(image.digest)) {
          known.set(image.digest, await scans.of(arn, image.digest));
        }
      });
      const withScan = (image: EcrImage): EcrImage => ({
        ...image,
        scan: image.scan ?? known.get(image.digest),
      });
      const images = selection.images.map(image => {
        if (image.kind !== 'image-index' || image.children.length === 0) {
          return withScan(image);
        }
        const children = image.children.map(withScan);
        return {
          ...image,
          children,
          scan: image.scan ?? combineScans(children.map(c => c.scan!)),
        };
      });
      return {
        repository: {
          arn: arn.arn,
          uri: `${arn.accountId}.dkr.ecr.${arn.region}.amazonaws.com/${arn.repositoryName}`,
        },
        ...selection,
        images,
        freshness,
      };
    },

    async getFindings(entity, repositoryArn, digest, filter) {
      const arn = await repositories.find(entity, repositoryArn);
      const { value: listing } = await inventory(arn);
      if (!listing.images.some(r => r.digest === digest)) {
        throw new NotFoundError(
          `Image ${digest} is not in repository ${arn.repositoryName}`,
        );
      }
      const { value, freshness } = await loader.load(
        `findings:${arn.arn}@${digest}`,
        () =>
          call(arn, 'read scan findings', ecr =>
            readImageFindings(ecr, arn, digest),
          ),
      );
      return {
        digest,
        scan: value.summary,
        findings: selectFindings(value.findings, filter),
        freshness,
      };
    },
  };
}
