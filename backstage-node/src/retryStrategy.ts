import type {
  RetryErrorInfo,
  RetryStrategyV2,
  RetryToken,
} from '@smithy/types';

/**
 * How a call is retried: attempts and backoff, with throttling given more room.
 *
 * @public
 */
export interface RetrySettings {
  /** Attempts for a transient or server error (1 = no retry). */
  readonly maxAttempts: number;
  /** Attempts for a throttled call: throttling says "slower", not "broken". */
  readonly maxThrottledAttempts: number;
  /** First backoff; doubled per retry, with full jitter. */
  readonly baseDelayMs: number;
  /** Longest single backoff. */
  readonly maxDelayMs: number;
}

/** @public */
export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
  maxAttempts: 3,
  maxThrottledAttempts: 8,
  baseDelayMs: 100,
  maxDelayMs: 2_000,
};

class Token implements RetryToken {
  constructor(
    private readonly count: number,
    private readonly delay: number,
  ) {}
  getRetryCount() {
    return this.count;
  }
  getRetryDelay() {
    return this.delay;
  }
}

/**
 * A retry strategy for the SDK's `retryStrategy` option that does not collapse under
 * throttling. The SDK's standard strategy spends a shared retry quota (500 tokens, 5 per
 * retry), so a burst of throttled calls drains it and every later call fails at once; here
 * throttled calls retry with capped exponential backoff and full jitter up to
 * `maxThrottledAttempts`, honouring a `retry-after` hint, while transient and server errors
 * keep the usual few attempts. Client errors are never retried.
 *
 * @public
 */
export function createRetryStrategy(
  settings: Partial<RetrySettings> = {},
  random: () => number = Math.random,
): RetryStrategyV2 {
  const s = { ...DEFAULT_RETRY_SETTINGS, ...settings };
  return {
    async acquireInitialRetryToken() {
      return new Token(0, 0);
    },
    async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo) {
      const attempts = token.getRetryCount() + 1;
      const limit =
        info.errorType === 'THROTTLING'
          ? s.maxThrottledAttempts
          : s.maxAttempts;
      if (info.errorType === 'CLIENT_ERROR' || attempts >= limit) {
        throw new Error('No retry token available');
      }
      const backoff = Math.min(
        s.maxDelayMs,
        s.baseDelayMs * 2 ** token.getRetryCount(),
      );
      const hinted = info.retryAfterHint
        ? Math.min(
            s.maxDelayMs,
            Math.max(0, info.retryAfterHint.getTime() - Date.now()),
          )
        : 0;
      return new Token(
        attempts,
        Math.max(hinted, Math.floor(random() * backoff)),
      );
    },
    recordSuccess() {},
  };
}
