import { readDurationFromConfig, type Config } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/**
 * A duration in app-config, in milliseconds: a number (milliseconds), a string (`'30s'`,
 * `'5m'`, ISO 8601 `'PT5M'`) or a HumanDuration object (`{ minutes: 5 }`); `fallback`
 * when the key is absent. A string is the form an `APP_CONFIG_*` override or a second config
 * file replaces whole — objects are merged key by key across config sources.
 *
 * @public
 */
export function readDurationMs(
  config: Config | undefined,
  key: string,
  fallback: number,
): number {
  if (!config?.has(key)) return fallback;
  const value = config.getOptional(key);
  if (typeof value === 'number') return value;
  return durationToMilliseconds(readDurationFromConfig(config, { key }));
}
