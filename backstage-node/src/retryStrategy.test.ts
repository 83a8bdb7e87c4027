import { DescribeRepositoriesCommand, ECRClient } from '@aws-sdk/client-ecr';
import { startLocalEcrApi } from '@ecr-kit/local-ecr-api';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { createRateLimiter } from './rateLimits';
import { createRetryStrategy } from './retryStrategy';

describe('createRetryStrategy', () => {
  async function attempts(
    errorType: 'THROTTLING' | 'TRANSIENT' | 'CLIENT_ERROR',
  ) {
    const strategy = createRetryStrategy({}, () => 1);
    let token = await strategy.acquireInitialRetryToken('x');
    const delays: number[] = [];
    for (;;) {
      try {
        token = await strategy.refreshRetryTokenForRetry(token, { errorType });
        delays.push(token.getRetryDelay());
      } catch {
        return { attempts: delays.length + 1, delays };
      }
    }
  }

  it('gives throttled calls more attempts than other failures, with capped backoff', async () => {
    expect(await attempts('THROTTLING')).toEqual({
      attempts: 8,
      delays: [100, 200, 400, 800, 1600, 2000, 2000],
    });
    expect((await attempts('TRANSIENT')).attempts).toBe(3);
    expect((await attempts('CLIENT_ERROR')).attempts).toBe(1);
  });

  it('keeps 1,000 concurrent calls alive through 50 % throttling, where the SDK’s shared retry quota drains', async () => {
    const api = await startLocalEcrApi({
      seed: 5,
      accounts: { AKIAX: '111122223333' },
    });
    try {
      api.faults.add({ throttleRate: 0.5 });
      const config = {
        endpoint: api.url,
        region: 'eu-west-1',
        credentials: { accessKeyId: 'AKIAX', secretAccessKey: 'x' },
      };
      const failures = async (client: ECRClient) =>
        (
          await Promise.allSettled(
            Array.from({ length: 1000 }, () =>
              client.send(new DescribeRepositoriesCommand({})),
            ),
          )
        ).filter(r => r.status === 'rejected').length;
      const ours = await failures(
        new ECRClient({
          ...config,
          retryStrategy: createRetryStrategy({ baseDelayMs: 5 }),
        }),
      );
      const standard = await failures(
        new ECRClient({
          ...config,
          retryStrategy: new ConfiguredRetryStrategy(
            8,
            attempt => 5 * 2 ** attempt,
          ),
        }),
      );
      // eslint-disable-next-line no-console
      console.log(
        `failed of 1000 at 50 % throttling: ours ${ours}, SDK standard quota ${standard}`,
      );
      // Each call fails only if all 8 attempts are throttled (1 in 256): a few of 1,000.
      expect(ours).toBeLessThanOrEqual(12);
      expect(standard).toBeGreaterThan(100);
    } finally {
      await api.stop();
    }
  }, 60_000);
});

describe('createRateLimiter', () => {
  it('paces each key to its rate after a burst of one second’s worth', async () => {
    const limiter = createRateLimiter();
    const started = Date.now();
    await Promise.all(Array.from({ length: 30 }, () => limiter.take('a', 20)));
    const elapsed = Date.now() - started;
    // 20 at once, then 10 more at 20 per second.
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(1_500);
    const other = Date.now();
    await limiter.take('b', 20);
    expect(Date.now() - other).toBeLessThan(50);
  });
});
