import type {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ECR_ARN_ANNOTATION,
  ECR_TAGS_ANNOTATION,
} from '@ecr-kit/backstage-plugin-ecr-common';
import type { EcrService } from '../services/EcrService';
import type { PrewarmSettings } from './prewarmSettings';

/** The scheduler task's id (one row in the scheduler's table, shared by all replicas). */
export const PREWARM_TASK_ID = 'ecr-kit-prewarm';

/** Entities read from the catalog per request. */
const CATALOG_PAGE = 100;

/** Every entity with an ECR annotation, page by page. */
async function* annotatedEntities(
  catalog: CatalogService,
  auth: AuthService,
): AsyncGenerator<Entity> {
  const credentials = await auth.getOwnServiceCredentials();
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: CATALOG_PAGE }
        : {
            filter: [
              {
                [`metadata.annotations.${ECR_ARN_ANNOTATION}`]:
                  CATALOG_FILTER_EXISTS,
              },
              {
                [`metadata.annotations.${ECR_TAGS_ANNOTATION}`]:
                  CATALOG_FILTER_EXISTS,
              },
            ],
            limit: CATALOG_PAGE,
          },
      { credentials },
    );
    yield* page.items;
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
}

/**
 * One pre-warm run: the repositories of every annotated entity, refreshed when their data
 * is older than `maxAgeMs`, paced to `callsPerSecond` on average. An entity that fails is
 * logged and skipped; the run goes on.
 */
export async function runPrewarm(options: {
  ecr: EcrService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  settings: PrewarmSettings;
  maxAgeMs: number;
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
}) {
  const { ecr, settings, logger } = options;
  const sleep =
    options.sleep ?? (ms => new Promise<void>(r => setTimeout(r, ms)));
  const totals = {
    entities: 0,
    repositories: 0,
    refreshed: 0,
    calls: 0,
    failed: 0,
  };
  if (!ecr.prewarm) return totals;
  for await (const entity of annotatedEntities(options.catalog, options.auth)) {
    if (options.signal?.aborted) break;
    const started = Date.now();
    try {
      const result = await ecr.prewarm(entity, { maxAgeMs: options.maxAgeMs });
      totals.entities += 1;
      totals.repositories += result.repositories;
      totals.refreshed += result.refreshed;
      totals.calls += result.calls;
      // Average at most `callsPerSecond`: wait out what this entity's calls cost.
      const owed = (result.calls / settings.callsPerSecond) * 1000;
      const spent = Date.now() - started;
      if (owed > spent) await sleep(owed - spent);
    } catch (error) {
      totals.failed += 1;
      logger.warn(
        `ECR pre-warm of ${stringifyEntityRef(entity)} failed: ${(error as Error).message}`,
      );
    }
  }
  logger.info(
    `ECR pre-warm: ${totals.entities} entities, ${totals.repositories} repositories, ${totals.refreshed} refreshed here, ${totals.calls} AWS calls, ${totals.failed} failed`,
  );
  return totals;
}

/**
 * Schedules {@link runPrewarm} through `coreServices.scheduler` as a global task: with
 * several replicas on one database, one replica runs each run.
 */
export async function schedulePrewarm(options: {
  scheduler: SchedulerService;
  ecr: EcrService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  settings: PrewarmSettings;
  /** The listing TTL: data is refreshed once it would expire before the next run. */
  ttlMs: number;
}) {
  const { settings } = options;
  if (!settings.enabled) {
    options.logger.info('ECR pre-warm is off (ecr.prewarm.enabled: false)');
    return;
  }
  await options.scheduler.scheduleTask({
    id: PREWARM_TASK_ID,
    scope: 'global',
    frequency: { milliseconds: settings.frequencyMs },
    timeout: { milliseconds: settings.timeoutMs },
    initialDelay: { milliseconds: settings.initialDelayMs },
    fn: async signal => {
      await runPrewarm({
        ...options,
        maxAgeMs: Math.max(0, options.ttlMs - settings.frequencyMs),
        signal,
      });
    },
  });
}
