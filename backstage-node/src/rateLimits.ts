/**
 * Client-side request rates per (account, Region, operation), so the portal stays within
 * ECR's API quotas however many views and pre-warm runs it serves. ECR publishes rates only
 * for the push/pull APIs ("Amazon ECR service quotas",
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html — BatchGetImage
 * 2,000 per second); for the describe APIs it publishes none and throttles by account, so
 * their defaults here are conservative and configurable (`ecr.rateLimits.<Operation>`).
 *
 * @public
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<string, number>> = {
  BatchGetImage: 2_000,
  DescribeImages: 20,
  DescribeImageScanFindings: 20,
  DescribeRepositories: 20,
  GetLifecyclePolicy: 20,
  GetRepositoryPolicy: 20,
  GetRegistryScanningConfiguration: 10,
  GetResources: 5,
  ListFindingAggregations: 10,
  ListCoverage: 10,
};

/**
 * Rate of an operation not listed above (requests per second).
 *
 * @public
 */
export const DEFAULT_OPERATION_RATE = 10;

/**
 * Token buckets per key: `take` waits until the key's rate allows one more request.
 *
 * @public
 */
export interface RateLimiter {
  take(key: string, ratePerSecond: number): Promise<void>;
}

/**
 * A token bucket per key, holding up to one second of requests: bursts up to the rate,
 * then one request per `1 / rate` seconds. Waiting requests are served in order.
 *
 * @public
 */
export function createRateLimiter(now: () => number = Date.now): RateLimiter {
  const buckets = new Map<
    string,
    { tokens: number; at: number; queue: Promise<void> }
  >();
  return {
    take(key, rate) {
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { tokens: rate, at: now(), queue: Promise.resolve() };
        buckets.set(key, bucket);
      }
      const b = bucket;
      const turn = b.queue.then(async () => {
        const refill = () => {
          const t = now();
          b.tokens = Math.min(rate, b.tokens + ((t - b.at) / 1000) * rate);
          b.at = t;
        };
        refill();
        if (b.tokens < 1) {
          await new Promise(resolve =>
            setTimeout(resolve, ((1 - b.tokens) / rate) * 1000),
          );
          refill();
        }
        b.tokens -= 1;
      });
      b.queue = turn;
      return turn;
    },
  };
}
