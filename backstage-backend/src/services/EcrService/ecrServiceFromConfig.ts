import type {
  CacheService,
  DatabaseService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  awsClientsFromConfig,
  readDurationMs,
} from '@ecr-kit/backstage-plugin-ecr-node';
import { DEFAULT_CACHE_TTLS, type CacheTtls } from '../caching/cacheKeys';
import { createCachedLoader } from '../caching/createCachedLoader';
import { createDatabaseRefreshLock } from '../caching/refreshLock';
import {
  DEFAULT_ECR_SERVICE_LIMITS,
  createEcrService,
} from './createEcrService';
import type { EcrService } from './types';

/** `ecr.cache.*`, with the defaults. */
export function readCacheTtls(config: Config): CacheTtls {
  const ecr = config.getOptionalConfig('ecr');
  const duration = (key: string, fallback: number) =>
    readDurationMs(ecr, key, fallback);
  return {
    ttlMs: duration('cache.ttl', DEFAULT_CACHE_TTLS.ttlMs),
    staleTtlMs: duration('cache.staleTtl', DEFAULT_CACHE_TTLS.staleTtlMs),
    errorTtlMs: duration('cache.errorTtl', DEFAULT_CACHE_TTLS.errorTtlMs),
    lockTtlMs: duration('cache.lockTtl', DEFAULT_CACHE_TTLS.lockTtlMs),
    digestTtlMs: duration('cache.digestTtl', DEFAULT_CACHE_TTLS.digestTtlMs),
    scanTtlMs: duration('cache.scanTtl', DEFAULT_CACHE_TTLS.scanTtlMs),
  };
}

/** The {@link EcrService} as app-config (`aws.*`, `ecr.*`) describes it. */
export async function ecrServiceFromConfig(deps: {
  config: RootConfigService;
  logger: LoggerService;
  cache: CacheService;
  database?: DatabaseService;
}): Promise<EcrService> {
  const ecr = deps.config.getOptionalConfig('ecr');
  const duration = (key: string, fallback: number) =>
    readDurationMs(ecr, key, fallback);
  const number = (key: keyof typeof DEFAULT_ECR_SERVICE_LIMITS) =>
    ecr?.getOptionalNumber(key) ?? DEFAULT_ECR_SERVICE_LIMITS[key];
  const ttls = readCacheTtls(deps.config);
  return createEcrService({
    clients: awsClientsFromConfig(deps.config),
    logger: deps.logger,
    loader: createCachedLoader({
      cache: deps.cache,
      ttls,
      // One refresh per key across replicas: they share the plugin's database.
      ...(deps.database
        ? {
            lock: await createDatabaseRefreshLock(deps.database, {
              ttlMs: ttls.lockTtlMs,
            }),
          }
        : {}),
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
