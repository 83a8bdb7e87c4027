import type { Config } from '@backstage/config';
import { readDurationMs } from '@ecr-kit/backstage-plugin-ecr-node';

/** The scheduled pre-warm (`ecr.prewarm.*` in app-config). */
export interface PrewarmSettings {
  /** Off switch. */
  readonly enabled: boolean;
  /** How often a run starts (one replica runs each run). */
  readonly frequencyMs: number;
  /** A run that takes longer is cancelled; the next one carries on. */
  readonly timeoutMs: number;
  /** Wait after a replica starts before its first run. */
  readonly initialDelayMs: number;
  /**
   * AWS requests per second the pre-warm may average, so it leaves room for views and
   * stays far within ECR's API rates (which the clients also enforce per operation).
   */
  readonly callsPerSecond: number;
}

/** Defaults of {@link PrewarmSettings}. */
export const DEFAULT_PREWARM_SETTINGS: PrewarmSettings = {
  enabled: true,
  frequencyMs: 5 * 60_000,
  timeoutMs: 15 * 60_000,
  initialDelayMs: 30_000,
  callsPerSecond: 5,
};

/** Reads {@link PrewarmSettings}; the error of a bad value names its key. */
export function readPrewarmSettings(config: Config): PrewarmSettings {
  const prewarm = config.getOptionalConfig('ecr.prewarm');
  const duration = (key: string, fallback: number) =>
    readDurationMs(prewarm, key, fallback);
  const callsPerSecond =
    prewarm?.getOptionalNumber('callsPerSecond') ??
    DEFAULT_PREWARM_SETTINGS.callsPerSecond;
  if (!(callsPerSecond > 0)) {
    throw new Error(
      `ecr.prewarm.callsPerSecond must be a positive number, got ${callsPerSecond}; set enabled: false to turn the pre-warm off`,
    );
  }
  return {
    enabled:
      prewarm?.getOptionalBoolean('enabled') ??
      DEFAULT_PREWARM_SETTINGS.enabled,
    frequencyMs: duration('frequency', DEFAULT_PREWARM_SETTINGS.frequencyMs),
    timeoutMs: duration('timeout', DEFAULT_PREWARM_SETTINGS.timeoutMs),
    initialDelayMs: duration(
      'initialDelay',
      DEFAULT_PREWARM_SETTINGS.initialDelayMs,
    ),
    callsPerSecond,
  };
}
