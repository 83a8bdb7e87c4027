import {
  DescribeImageScanFindingsCommand,
  DescribeRepositoriesCommand,
  GetLifecyclePolicyCommand,
  GetRegistryScanningConfigurationCommand,
  GetRepositoryPolicyCommand,
  paginateDescribeImageScanFindings,
  paginateDescribeImages,
  type ECRClient,
} from '@aws-sdk/client-ecr';
import { paginateGetResources } from '@aws-sdk/client-resource-groups-tagging-api';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError, isError } from '@backstage/errors';
import {
  ECR_ARN_ANNOTATION,
  ECR_TAGS_ANNOTATION,
  InvalidEcrAnnotationError,
  parseEcrArnAnnotation,
  parseEcrTagsAnnotation,
  parseRepositoryArn,
  type EcrFinding,
  type EcrRepositorySummary,
  type EcrScanSummary,
  type RepositoryArn,
} from '@ecr-kit/backstage-plugin-ecr-common';
import { toBackstageError } from '../awsErrors';
import type { CachedLoader } from '../createCachedLoader';
import type { EcrClients } from '../EcrClients';
import { groupImages, selectImages, type ImageRecord } from '../imageListing';
import { fromBasicFinding, fromEnhancedFinding } from '../normalizeFindings';
import {
  NOT_SCANNED,
  atLeast,
  scanSummary,
  severityRank,
} from '../scanSummary';
import type { EcrService } from './types';

/** Where the `aws.amazon.com/amazon-ecr-tags` annotation is looked up. */
export interface TagLookupTarget {
  readonly accountId: string;
  readonly regions: readonly string[];
}

/** Runs `task` over `items` with at most `limit` at a time. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.min(limit, items.length) },
    async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]);
      }
    },
  );
  await Promise.all(workers);
  return results;
}

function summarizeLifecycle(text: string | undefined): string[] {
  if (!text) return [];
  try {
    const policy = JSON.parse(text) as {
      rules?: {
        rulePriority?: number;
        description?: string;
        selection?: Record<string, unknown>;
        action?: { type?: string };
      }[];
    };
    return (policy.rules ?? []).map(rule => {
      if (rule.description) return rule.description;
      const s = rule.selection ?? {};
      const what = `${s.tagStatus ?? 'any'} images`;
      return s.countType === 'imageCountMoreThan'
        ? `${rule.action?.type ?? 'expire'} ${what} beyond ${s.countNumber}`
        : `${rule.action?.type ?? 'expire'} ${what} after ${s.countNumber} ${s.countUnit ?? 'days'}`;
    });
  } catch {
    return ['(unreadable policy)'];
  }
}

/** Creates the {@link EcrService}. */
export function createEcrService(options: {
  clients: EcrClients;
  loader: CachedLoader;
  logger: LoggerService;
  tagLookup: readonly TagLookupTarget[];
  findingsConcurrency: number;
}): EcrService {
  const { clients, loader, logger } = options;

  async function call<T>(
    arn: RepositoryArn,
    action: string,
    run: (ecr: ECRClient) => Promise<T>,
  ) {
    try {
      return await run(await clients.ecr(arn.accountId, arn.region));
    } catch (error) {
      const mapped = toBackstageError(error, {
        accountId: arn.accountId,
        region: arn.region,
        action,
      });
      logger.warn(
        `ECR ${action} failed in ${arn.accountId}/${arn.region}: ${isError(error) ? error.name : 'Error'}`,
      );
      throw mapped;
    }
  }

  /** The entity's repositories: ARN annotation plus tag lookup, de-duplicated. */
  async function resolveRepositories(entity: Entity): Promise<RepositoryArn[]> {
    const annotations = entity.metadata.annotations ?? {};
    const result = new Map<string, RepositoryArn>();
    try {
      if (annotations[ECR_ARN_ANNOTATION]?.trim()) {
        for (const arn of parseEcrArnAnnotation(
          annotations[ECR_ARN_ANNOTATION],
        )) {
          result.set(arn.arn, arn);
        }
      }
      if (annotations[ECR_TAGS_ANNOTATION]?.trim()) {
        const filters = parseEcrTagsAnnotation(
          annotations[ECR_TAGS_ANNOTATION],
        );
        const key = filters
          .map(f => `${f.key}=${f.value}`)
          .sort()
          .join(',');
        for (const target of options.tagLookup) {
          for (const region of target.regions) {
            const { value } = await loader.load(
              `tags:${target.accountId}:${region}:${key}`,
              async () => {
                const tagging = await clients.tagging(target.accountId, region);
                const arns: string[] = [];
                try {
                  for await (const page of paginateGetResources(
                    { client: tagging },
                    {
                      ResourceTypeFilters: ['ecr:repository'],
                      TagFilters: filters.map(f => ({
                        Key: f.key,
                        Values: [f.value],
                      })),
                    },
                  )) {
                    for (const mapping of page.ResourceTagMappingList ?? []) {
                      if (mapping.ResourceARN) arns.push(mapping.ResourceARN);
                    }
                  }
                } catch (error) {
                  throw toBackstageError(error, {
                    accountId: target.accountId,
                    region,
                    action: 'find repositories by tag',
                  });
                }
                return arns;
              },
            );
            for (const arn of value) {
              const parsed = parseRepositoryArn(arn);
              result.set(parsed.arn, parsed);
            }
          }
        }
      }
    } catch (error) {
      if (error instanceof InvalidEcrAnnotationError) {
        throw new InputError(
          `Entity ${entity.metadata.name}: ${error.message}`,
        );
      }
      throw error;
    }
    return [...result.values()];
  }

  /** One of the entity's repositories, or 404 — never a repository the entity does not name. */
  async function entityRepository(
    entity: Entity,
    repositoryArn: string,
  ): Promise<RepositoryArn> {
    let requested: RepositoryArn;
    try {
      requested = parseRepositoryArn(repositoryArn);
    } catch (error) {
      throw new InputError(`repository: ${(error as Error).message}`);
    }
    const own = (await resolveRepositories(entity)).find(
      r => r.arn === requested.arn,
    );
    if (!own) {
      throw new NotFoundError(
        `Repository ${requested.repositoryName} is not one of this entity's repositories`,
      );
    }
    return own;
  }

  async function listAllImages(arn: RepositoryArn) {
    return loader.load(`images:${arn.arn}`, () =>
      call(arn, 'list images', async ecr => {
        const records: ImageRecord[] = [];
        for await (const page of paginateDescribeImages(
          { client: ecr, pageSize: 1000 },
          {
            registryId: arn.accountId,
            repositoryName: arn.repositoryName,
            filter: { imageStatus: 'ANY' },
          },
        )) {
          for (const image of page.imageDetails ?? []) {
            records.push({
              digest: image.imageDigest!,
              tags: image.imageTags ?? [],
              size: image.imageSizeInBytes,
              pushedAt: image.imagePushedAt?.toISOString(),
              lastPulledAt: image.lastRecordedPullTime?.toISOString(),
              manifestMediaType: image.imageManifestMediaType,
              artifactMediaType: image.artifactMediaType,
              subjectDigest: image.subjectManifestDigest,
              status: (image.imageStatus as ImageRecord['status']) ?? 'ACTIVE',
              ...(image.imageScanStatus
                ? {
                    scan: scanSummary({
                      imageScanStatus: image.imageScanStatus,
                      imageScanFindings: image.imageScanFindingsSummary,
                    }),
                  }
                : {}),
            });
          }
        }
        return records;
      }),
    );
  }

  async function scanOf(
    arn: RepositoryArn,
    digest: string,
  ): Promise<EcrScanSummary> {
    const { value } = await loader.load(`scan:${arn.arn}@${digest}`, () =>
      call(arn, 'read scan results', async ecr => {
        try {
          // The smallest page still carries the severity counts.
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
    );
    return value;
  }

  /** Scan summaries already in the cache (used to filter the whole repository by severity). */
  async function cachedScans(arn: RepositoryArn, digests: readonly string[]) {
    const known = new Map<string, EcrScanSummary>();
    const missing: string[] = [];
    await mapLimit(digests, 32, async digest => {
      const summary = await loader.peek<EcrScanSummary>(
        `scan:${arn.arn}@${digest}`,
      );
      if (summary) known.set(digest, summary);
      else missing.push(digest);
    });
    return { known, missing };
  }

  const warming = new Set<string>();
  function warmScans(arn: RepositoryArn, digests: readonly string[]) {
    if (warming.has(arn.arn) || digests.length === 0) return;
    warming.add(arn.arn);
    // Background fill at a bounded rate; failures only delay the severity filter.
    mapLimit(digests, 2, digest => scanOf(arn, digest).catch(() => undefined))
      .finally(() => warming.delete(arn.arn))
      .catch(() => undefined);
  }

  return {
    async listRepositories(entity) {
      const repositories = await resolveRepositories(entity);
      const errors: { arn: string; message: string }[] = [];
      let fetchedAt = new Date().toISOString();
      let stale = false;
      const summaries = await mapLimit(repositories, 4, async arn => {
        try {
          const { value, freshness } = await loader.load(
            `repository:${arn.arn}`,
            () =>
              call(arn, 'describe the repository', async ecr => {
                const [described, lifecycle, policy, scanning] =
                  await Promise.all([
                    ecr.send(
                      new DescribeRepositoriesCommand({
                        registryId: arn.accountId,
                        repositoryNames: [arn.repositoryName],
                      }),
                    ),
                    ecr
                      .send(
                        new GetLifecyclePolicyCommand({
                          registryId: arn.accountId,
                          repositoryName: arn.repositoryName,
                        }),
                      )
                      .catch(e => {
                        if (e.name === 'LifecyclePolicyNotFoundException')
                          return undefined;
                        throw e;
                      }),
                    ecr
                      .send(
                        new GetRepositoryPolicyCommand({
                          registryId: arn.accountId,
                          repositoryName: arn.repositoryName,
                        }),
                      )
                      .catch(e => {
                        if (e.name === 'RepositoryPolicyNotFoundException')
                          return undefined;
                        throw e;
                      }),
                    ecr
                      .send(new GetRegistryScanningConfigurationCommand({}))
                      .catch(() => undefined),
                  ]);
                const repo = described.repositories?.[0];
                if (!repo)
                  throw new NotFoundError(
                    `Repository ${arn.repositoryName} not found`,
                  );
                const rules = scanning?.scanningConfiguration?.rules ?? [];
                const matches = (filter?: string) =>
                  !filter ||
                  new RegExp(
                    `^${filter.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`,
                  ).test(arn.repositoryName);
                const applies = (frequency: string) =>
                  rules.some(
                    r =>
                      r.scanFrequency === frequency &&
                      (r.repositoryFilters ?? []).some(f => matches(f.filter)),
                  );
                const summary: EcrRepositorySummary = {
                  arn: arn.arn,
                  name: arn.repositoryName,
                  uri: repo.repositoryUri ?? '',
                  accountId: arn.accountId,
                  region: arn.region,
                  createdAt: repo.createdAt?.toISOString(),
                  tagMutability: {
                    mode: (repo.imageTagMutability ??
                      'MUTABLE') as EcrRepositorySummary['tagMutability']['mode'],
                    exclusionFilters: (
                      repo.imageTagMutabilityExclusionFilters ?? []
                    ).map(f => f.filter ?? ''),
                  },
                  scanning: {
                    type:
                      (scanning?.scanningConfiguration?.scanType as
                        'BASIC' | 'ENHANCED' | undefined) ?? 'UNKNOWN',
                    scanOnPush:
                      Boolean(repo.imageScanningConfiguration?.scanOnPush) ||
                      applies('SCAN_ON_PUSH'),
                    continuous: applies('CONTINUOUS_SCAN'),
                  },
                  encryption: {
                    type: (repo.encryptionConfiguration?.encryptionType ??
                      'AES256') as EcrRepositorySummary['encryption']['type'],
                    ...(repo.encryptionConfiguration?.kmsKey
                      ? { kmsKey: repo.encryptionConfiguration.kmsKey }
                      : {}),
                  },
                  lifecyclePolicy: {
                    present: Boolean(lifecycle?.lifecyclePolicyText),
                    rules: summarizeLifecycle(lifecycle?.lifecyclePolicyText),
                  },
                  repositoryPolicyPresent: Boolean(policy?.policyText),
                  imageCount: 0,
                };
                return summary;
              }),
          );
          const images = await listAllImages(arn);
          if (freshness.stale || images.freshness.stale) stale = true;
          if (freshness.fetchedAt < fetchedAt) fetchedAt = freshness.fetchedAt;
          return {
            ...value,
            imageCount: images.value.filter(i => i.status !== 'ARCHIVED')
              .length,
          };
        } catch (error) {
          errors.push({ arn: arn.arn, message: (error as Error).message });
          return undefined;
        }
      });
      return {
        repositories: summaries.filter((s): s is EcrRepositorySummary =>
          Boolean(s),
        ),
        errors,
        freshness: { fetchedAt, stale },
      };
    },

    async listImages(entity, repositoryArn, query) {
      const arn = await entityRepository(entity, repositoryArn);
      const { value: records, freshness } = await listAllImages(arn);
      const grouped = groupImages(records);
      let scans = new Map<string, EcrScanSummary>();
      if (query.minSeverity) {
        const { known, missing } = await cachedScans(
          arn,
          grouped.filter(i => !i.scan).map(i => i.digest),
        );
        scans = known;
        warmScans(arn, missing);
      }
      const selection = selectImages(grouped, query, scans);
      const images = await mapLimit(
        selection.images,
        options.findingsConcurrency,
        async image => ({
          ...image,
          scan:
            image.scan ??
            scans.get(image.digest) ??
            (await scanOf(arn, image.digest)),
        }),
      );
      const uri = `${arn.accountId}.dkr.ecr.${arn.region}.amazonaws.com/${arn.repositoryName}`;
      return {
        repository: { arn: arn.arn, uri },
        ...selection,
        images,
        freshness,
      };
    },

    async getFindings(entity, repositoryArn, digest, filter) {
      const arn = await entityRepository(entity, repositoryArn);
      const { value: records } = await listAllImages(arn);
      if (!records.some(r => r.digest === digest)) {
        throw new NotFoundError(
          `Image ${digest} is not in repository ${arn.repositoryName}`,
        );
      }
      const { value, freshness } = await loader.load(
        `findings:${arn.arn}@${digest}`,
        () =>
          call(arn, 'read scan findings', async ecr => {
            const findings: EcrFinding[] = [];
            let summary: EcrScanSummary = NOT_SCANNED;
            try {
              for await (const page of paginateDescribeImageScanFindings(
                { client: ecr, pageSize: 1000 },
                {
                  registryId: arn.accountId,
                  repositoryName: arn.repositoryName,
                  imageId: { imageDigest: digest },
                },
              )) {
                summary = scanSummary(page);
                findings.push(
                  ...(page.imageScanFindings?.findings ?? []).map(
                    fromBasicFinding,
                  ),
                  ...(page.imageScanFindings?.enhancedFindings ?? []).map(
                    fromEnhancedFinding,
                  ),
                );
              }
            } catch (error) {
              if (!(isError(error) && error.name === 'ScanNotFoundException'))
                throw error;
            }
            return { summary, findings };
          }),
      );
      const { summary, findings } = value;
      const selected = findings
        .filter(
          f => !filter.minSeverity || atLeast(f.severity, filter.minSeverity),
        )
        .filter(f => !filter.fixableOnly || f.fixAvailable)
        .sort(
          (a, b) =>
            severityRank(a.severity) - severityRank(b.severity) ||
            (b.cvssScore ?? 0) - (a.cvssScore ?? 0) ||
            a.id.localeCompare(b.id),
        );
      return { digest, scan: summary, findings: selected, freshness };
    },
  };
}
