import type { Config } from '@backstage/config';
import { readDurationMs } from './readDurationMs';

/**
 * How AWS clients are built: endpoint, retry and timeouts (`ecr.*` in app-config).
 *
 * @public
 */
export interface AwsClientSettings {
  readonly endpoint?: string;
  /** Attempts for a transient or server error. */
  readonly maxAttempts: number;
  /** Attempts for a throttled call. */
  readonly maxThrottledAttempts: number;
  /** Requests per second per (account, Region, operation), over the defaults. */
  readonly rateLimits?: Readonly<Record<string, number>>;
  readonly connectTimeoutMs: number;
  readonly requestTimeoutMs: number;
}

/**
 * Defaults of {@link AwsClientSettings}: every AWS call is bounded.
 *
 * @public
 */
export const DEFAULT_AWS_CLIENT_SETTINGS: AwsClientSettings = {
  maxAttempts: 3,
  maxThrottledAttempts: 8,
  connectTimeoutMs: 3_000,
  requestTimeoutMs: 10_000,
};

/**
 * Reads {@link AwsClientSettings} from `ecr.*`, with the defaults.
 *
 * @public
 */
export function readAwsClientSettings(config: Config): AwsClientSettings {
  const ecr = config.getOptionalConfig('ecr');
  const duration = (key: string, fallback: number) =>
    readDurationMs(ecr, key, fallback);
  return {
    endpoint: ecr?.getOptionalString('endpoint'),
    maxAttempts:
      ecr?.getOptionalNumber('maxAttempts') ??
      DEFAULT_AWS_CLIENT_SETTINGS.maxAttempts,
    maxThrottledAttempts:
      ecr?.getOptionalNumber('maxThrottledAttempts') ??
      DEFAULT_AWS_CLIENT_SETTINGS.maxThrottledAttempts,
    rateLimits: Object.fromEntries(
      (ecr?.getOptionalConfig('rateLimits')?.keys() ?? []).map(key => [
        key,
        ecr!.getNumber(`rateLimits.${key}`),
      ]),
    ),
    connectTimeoutMs: duration(
      'timeouts.connect',
      DEFAULT_AWS_CLIENT_SETTINGS.connectTimeoutMs,
    ),
    requestTimeoutMs: duration(
      'timeouts.request',
      DEFAULT_AWS_CLIENT_SETTINGS.requestTimeoutMs,
    ),
  };
}
