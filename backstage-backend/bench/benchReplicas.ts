// The two-replica row of the images-view benchmark: the production recipe's replicas
// (production/replicas.ts: PostgreSQL database, Redis cache) against the bench registry.
import { ECR_ARN_ANNOTATION } from '@ecr-kit/backstage-plugin-ecr-common';
import type { LocalEcrApi } from '@ecr-kit/local-ecr-api';
import { randomBytes } from 'node:crypto';
import { startReplica, type Replica } from '../production/replicas';
import {
  POSTGRES_URL,
  REDIS_URL,
  dropDatabases,
  reachable,
  redis,
} from '../production/services';
import { BENCH_DEADLINE } from './benchPortal';
import { ACCOUNT, BASIC_REGION, KEY, arnOf } from './benchRegistry';

/**
 * `requests` concurrent cold views spread over two fresh replicas; resolves with the
 * DescribeImages calls they cost, or with why the row was skipped.
 */
export async function coldOverTwoReplicas(
  api: LocalEcrApi,
  options: { requests: number; page: number },
): Promise<{ describeImages: number } | { skipped: string }> {
  try {
    await reachable(POSTGRES_URL, 'PostgreSQL');
    await reachable(REDIS_URL, 'Redis');
  } catch (error) {
    return { skipped: (error as Error).message };
  }
  const run = `ecrkit_bench_${randomBytes(4).toString('hex')}`;
  const replicas: Replica[] = [];
  const arn = arnOf(BASIC_REGION);
  try {
    for (const name of ['a', 'b']) {
      replicas.push(
        await startReplica({
          name,
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'basic',
                namespace: 'default',
                annotations: { [ECR_ARN_ANNOTATION]: arn },
              },
              spec: { type: 'service', owner: 'team', lifecycle: 'production' },
            },
          ],
          config: {
            backend: {
              database: { prefix: `${run}_plugin_` },
              cache: { redis: { client: { namespace: run } } },
            },
            aws: { accounts: [{ accountId: ACCOUNT, ...KEY }] },
            ecr: {
              endpoint: api.url,
              deadline: BENCH_DEADLINE,
              prewarm: { enabled: false },
            },
          },
        }),
      );
    }
    api.resetRequestCounts();
    const path = `/api/ecr/entities/component/default/basic/images?repository=${encodeURIComponent(arn)}&pageSize=${options.page}`;
    const statuses = await Promise.all(
      Array.from({ length: options.requests }, (_, i) =>
        fetch(`${replicas[i % 2].url}${path}`).then(async res => {
          await res.arrayBuffer();
          return res.status;
        }),
      ),
    );
    const failed = statuses.filter(s => s !== 200).length;
    if (failed > 0) throw new Error(`${failed} views failed`);
    const describeImages = api.requestCount('DescribeImages');
    return { describeImages };
  } finally {
    await Promise.all(replicas.map(r => r.stop()));
    await dropDatabases(`${run}_plugin_`).catch(() => undefined);
    const cache = await redis().catch(() => undefined);
    await cache?.drop(run);
    await cache?.close();
  }
}
