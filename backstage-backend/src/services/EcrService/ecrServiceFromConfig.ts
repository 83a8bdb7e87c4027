import type {
  CacheService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { durationToMilliseconds, type HumanDuration } from '@backstage/types';
import { awsClientsFromConfig } from '@ecr-kit/backstage-plugin-ecr-node';
import { DEFAULT_CACHE_TTLS } from '../caching/cacheKeys';
import { createCachedLoader } from '../caching/createCachedLoader';
import {
  DEFAULT_ECR_SERVICE_LIMITS,
  createEcrService,
} from './createEcrService';
import type { EcrService } from './types';

/** The {@link EcrService} as app-config (`aws.*`, `ecr.*`) describes it. */
export function ecrServiceFromConfig(deps: {
  config: RootConfigService;
  logger: LoggerService;
  cache: CacheService;
}): EcrService {
  const ecr = deps.config.getOptionalConfig('ecr');
  const duration = (key: string, fallback: number) => {
    const value = ecr?.getOptional<HumanDuration | number>(key);
    if (value === undefined) return fallback;
    return typeof value === 'number' ? value : durationToMilliseconds(value);
  };
  const number = (key: keyof typeof DEFAULT_ECR_SERVICE_LIMITS) =>
    ecr?.getOptionalNumber(key) ?? DEFAULT_ECR_SERVICE_LIMITS[key];
  return createEcrService({
    clients: awsClientsFromConfig(deps.config),
    logger: deps.logger,
    loader: createCachedLoader({
      cache: deps.cache,
      ttls: {
        ttlMs: duration('cache.ttl', DEFAULT_CACHE_TTLS.ttlMs),
        staleTtlMs: duration('cache.staleTtl', DEFAULT_CACHE_TTLS.staleTtlMs),
        errorTtlMs: duration('cache.errorTtl', DEFAULT_CACHE_TTLS.errorTtlMs),
      },
    }),
    tagLookup: (ecr?.getOptionalConfigArray('tagLookup') ?? []).map(c => ({
      accountId: c.getString('accountId'),
      regions: c.getStringArray('regions'),
    })),
    limits: {
      deadlineMs: duration('deadline', DEFAULT_ECR_SERVICE_LIMITS.deadlineMs),
      findingsConcurrency: number('findingsConcurrency'),
      concurrencyPerRegion: number('concurrencyPerRegion'),
      maxRepositoriesPerEntity: number('maxRepositoriesPerEntity'),
    },
  });
}
