import type {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { annotatedEntities } from '@ecr-kit/backstage-plugin-ecr-node';
import type { EcrService } from '../services/EcrService';
import type { PrewarmSettings } from './prewarmSettings';

/** The scheduler task's id (one row in the scheduler's table, shared by all replicas). */
export const PREWARM_TASK_ID = 'ecr-kit-prewarm';

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
