import type { Config } from '@backstage/config';
import { durationToMilliseconds, type HumanDuration } from '@backstage/types';

/** How AWS clients are built: endpoint, retry and timeouts (`ecr.*` in app-config). */
export interface AwsClientSettings {
  readonly endpoint?: string;
  readonly maxAttempts: number;
  readonly connectTimeoutMs: number;
  readonly requestTimeoutMs: number;
}

/** Defaults of {@link AwsClientSettings}: every AWS call is bounded. */
export const DEFAULT_AWS_CLIENT_SETTINGS: AwsClientSettings = {
  maxAttempts: 3,
  connectTimeoutMs: 3_000,
  requestTimeoutMs: 10_000,
};

/** Reads {@link AwsClientSettings} from `ecr.*`, with the defaults. */
export function readAwsClientSettings(config: Config): AwsClientSettings {
  const ecr = config.getOptionalConfig('ecr');
  const duration = (key: string, fallback: number) => {
    const value = ecr?.getOptional<HumanDuration | number>(key);
    if (value === undefined) return fallback;
    return typeof value === 'number' ? value : durationToMilliseconds(value);
  };
  return {
    endpoint: ecr?.getOptionalString('endpoint'),
    maxAttempts:
      ecr?.getOptionalNumber('maxAttempts') ??
      DEFAULT_AWS_CLIENT_SETTINGS.maxAttempts,
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
