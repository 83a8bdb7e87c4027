// The production recipe, run for real: two replicas of the ECR backend plugin sharing
// PostgreSQL (backend.database) and Redis (backend.cache), started with
// app-config.production.yaml, against the local ECR API. `npm run test:production`.
import { ECR_ARN_ANNOTATION } from '@ecr-kit/backstage-plugin-ecr-common';
import { startLocalEcrApi, type LocalEcrApi } from '@ecr-kit/local-ecr-api';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startReplica, type Replica } from './replicas';
import {
  POSTGRES_URL,
  REDIS_URL,
  dropDatabases,
  reachable,
  redis,
} from './services';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const KEY = { accessKeyId: 'AKIAPRODUCTION', secretAccessKey: 'production' };
const arn = (name: string) =>
  `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${name}`;
const BIG = 'team/big';
const SMALL = 'team/small';
const entity = (name: string, repository: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { [ECR_ARN_ANNOTATION]: arn(repository) },
  },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
});
const ENTITIES = [entity('big', BIG), entity('small', SMALL)];
const TTL_SECONDS = 3;
const PREWARM_SECONDS = 2;

/** One run's own databases and cache keys, dropped afterwards. */
const RUN = `ecrkit_${randomBytes(4).toString('hex')}`;
const DATABASE_PREFIX = `${RUN}_plugin_`;
const NAMESPACE = RUN;

let api: LocalEcrApi;
const replicas: Replica[] = [];

/** The config every replica gets over app-config.production.yaml. */
function config(prewarm: boolean) {
  return {
    backend: {
      database: { prefix: DATABASE_PREFIX },
      cache: { redis: { client: { namespace: NAMESPACE } } },
    },
    aws: { accounts: [{ accountId: ACCOUNT, ...KEY }] },
    ecr: {
      endpoint: api.url,
      cache: { ttl: `${TTL_SECONDS}s` },
      prewarm: {
        enabled: prewarm,
        frequency: `${PREWARM_SECONDS}s`,
        initialDelay: '0s',
        callsPerSecond: 100,
      },
    },
  };
}

async function start(name: string, prewarm: boolean) {
  const replica = await startReplica({
    name,
    entities: ENTITIES,
    config: config(prewarm),
  });
  replicas.push(replica);
  return replica;
}

const imagesPath = (name: string, repository: string, query = '') =>
  `/api/ecr/entities/component/default/${name}/images?repository=${encodeURIComponent(arn(repository))}${query}`;

async function getJson(replica: Replica, path: string) {
  const started = performance.now();
  const res = await fetch(`${replica.url}${path}`);
  const body = await res.json();
  return { status: res.status, body, ms: performance.now() - started };
}

/** DescribeImages calls of one listing: tagged and untagged images, 1,000 per page. */
function listingCalls(repository: string) {
  const images = [
    ...api.store
      .get(ACCOUNT, REGION)
      .repositories.get(repository)!
      .images.values(),
  ];
  const tagged = images.filter(i => i.imageTags.length > 0).length;
  return Math.ceil(tagged / 1000) + Math.ceil((images.length - tagged) / 1000);
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

before(async () => {
  await reachable(POSTGRES_URL, 'PostgreSQL (POSTGRES_URL)');
  await reachable(REDIS_URL, 'Redis (REDIS_URL)');
  api = await startLocalEcrApi({
    seed: 9,
    accounts: { [KEY.accessKeyId]: ACCOUNT },
    fixture: {
      registries: [
        {
          accountId: ACCOUNT,
          region: REGION,
          repositories: [
            { name: BIG, generate: { count: 5_000, seed: 9 } },
            { name: SMALL, generate: { count: 300, seed: 10 } },
          ],
        },
      ],
    },
  });
  // Like a real endpoint: every call takes a while, so concurrent views overlap.
  api.faults.add({ latencyMs: 50 });
});

after(async () => {
  await Promise.allSettled(replicas.map(r => r.stop()));
  await api?.stop();
  const cache = await redis().catch(() => undefined);
  await cache?.drop(NAMESPACE);
  await cache?.close();
  await dropDatabases(RUN).catch(() => undefined);
});

describe('two replicas on PostgreSQL and Redis', () => {
  let a: Replica;
  let b: Replica;

  before(async () => {
    // One after the other, as in a rolling deployment (see the pre-warm test below).
    a = await start('a', false);
    b = await start('b', false);
  });

  it('shares one listing between 100 concurrent cold requests spread over both replicas', async () => {
    api.resetRequestCounts();
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        getJson(i % 2 ? b : a, imagesPath('big', BIG, '&pageSize=10')),
      ),
    );
    assert.deepEqual(
      responses.map(r => r.status),
      Array(100).fill(200),
    );
    assert.equal(api.requestCount('DescribeImages'), listingCalls(BIG));
    assert.equal(new Set(responses.map(r => r.body.totalCount)).size, 1);
  });

  it('serves exactly the same values from Redis on the other replica (dates and nested objects)', async () => {
    // `a` lists `small`; `b` has never seen it, so it answers from the shared cache.
    const first = await getJson(a, imagesPath('small', SMALL, '&pageSize=50'));
    api.resetRequestCounts();
    const second = await getJson(b, imagesPath('small', SMALL, '&pageSize=50'));
    assert.equal(api.requestCount('DescribeImages'), 0);
    assert.deepEqual(second.body, first.body);
    const nested = first.body.images.find(
      (i: { children: unknown[] }) => i.children.length > 0,
    );
    assert.ok(nested, 'the page holds an index with platforms');
    assert.match(first.body.freshness.fetchedAt, /^\d{4}-\d\d-\d\dT/);
    const repositories =
      '/api/ecr/entities/component/default/small/repositories';
    const onA = await getJson(a, repositories);
    const onB = await getJson(b, repositories);
    assert.equal(onA.status, 200);
    assert.deepEqual(onB.body, onA.body);
  });

  it('serves an expired listing at once from both replicas while one of them refreshes it', async () => {
    await sleep(TTL_SECONDS * 1000 + 200);
    api.resetRequestCounts();
    const expired = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        getJson(i % 2 ? b : a, imagesPath('big', BIG, '&pageSize=10')),
      ),
    );
    for (const view of expired) {
      assert.equal(view.status, 200);
      assert.equal(view.body.freshness.refreshing, true);
      assert.ok(view.ms < 1_000, `answered in ${view.ms.toFixed(0)} ms`);
    }
    const expiredAt = expired[0].body.freshness.fetchedAt;
    const end = Date.now() + 20_000;
    const fresh = async (replica: Replica) => {
      for (;;) {
        const { body } = await getJson(replica, imagesPath('big', BIG));
        if (body.freshness.fetchedAt !== expiredAt) return body;
        assert.ok(Date.now() < end, 'the refresh landed within 20 s');
        await sleep(100);
      }
    };
    const [onA, onB] = await Promise.all([fresh(a), fresh(b)]);
    assert.equal(onA.freshness.fetchedAt, onB.freshness.fetchedAt);
    // One refresh in all, and index manifests already seen are not read again.
    assert.equal(api.requestCount('DescribeImages'), listingCalls(BIG));
    assert.equal(api.requestCount('BatchGetImage'), 0);
  });

  it('serves the last good listing, marked stale, when ECR fails after expiry', async () => {
    await sleep(TTL_SECONDS * 1000 + 200);
    api.faults.add({ operation: 'DescribeImages', serverErrorRate: 1 });
    try {
      const expired = await getJson(a, imagesPath('small', SMALL));
      assert.equal(expired.status, 200);
      assert.equal(expired.body.freshness.refreshing, true);
      let body = expired.body;
      const end = Date.now() + 20_000;
      while (!body.freshness.stale && Date.now() < end) {
        await sleep(200);
        body = (await getJson(a, imagesPath('small', SMALL))).body;
      }
      assert.equal(body.freshness.stale, true);
      assert.match(body.freshness.staleReason, /./);
      assert.equal(body.totalCount, expired.body.totalCount);
    } finally {
      api.faults.clear();
      api.faults.add({ latencyMs: 50 });
    }
  });

  it('keeps serving from Redis after a replica restarts, while ECR does not answer', async () => {
    const earlier = await getJson(b, imagesPath('big', BIG, '&pageSize=10'));
    await a.stop();
    const restarted = await start('a2', false);
    api.faults.add({ operation: 'DescribeImages', blackHole: true });
    try {
      const served = await getJson(
        restarted,
        imagesPath('big', BIG, '&pageSize=10'),
      );
      assert.equal(served.status, 200);
      // The same listing (a refresh in between may have moved a last-pull time).
      assert.deepEqual(
        served.body.images.map((i: { digest: string }) => i.digest),
        earlier.body.images.map((i: { digest: string }) => i.digest),
      );
      assert.equal(served.body.totalCount, earlier.body.totalCount);
      assert.ok(served.ms < 2_000, `answered in ${served.ms.toFixed(0)} ms`);
    } finally {
      api.faults.clear();
      api.faults.add({ latencyMs: 50 });
      await restarted.stop();
      await b.stop();
    }
  });
});

describe('the scheduled pre-warm', () => {
  it('runs each run on one replica and refreshes listings before they expire', async () => {
    // One after the other, as a rolling deployment starts them: the scheduler creates its
    // tables on first use, and two replicas doing that at the same moment on a fresh
    // database race in knex's migrations (knex/knex#3457, backstage/charts#300) — the
    // loser exits and its orchestrator restarts it.
    const pair = [await start('p1', true), await start('p2', true)];
    const runs = pair.map(r => r.watch(/ECR pre-warm: /));
    await sleep(PREWARM_SECONDS * 1000 * 5);
    const all = runs
      .flatMap((seen, i) =>
        seen.map(run => ({ ...run, replica: pair[i].name })),
      )
      .sort((x, y) => x.at - y.at);
    assert.ok(all.length >= 3, `${all.length} runs logged`);
    // Both replicas running the same run would log it twice, moments apart.
    for (let i = 1; i < all.length; i++) {
      const gap = all[i].at - all[i - 1].at;
      assert.ok(
        gap > 500,
        `runs ${gap} ms apart on ${all[i - 1].replica} and ${all[i].replica}`,
      );
    }
    assert.ok(
      all.some(run => /[1-9]\d* refreshed here/.test(run.line)),
      'a run refreshed listings',
    );
    // Warm: a view of either entity answers from the cache, with no ECR call. Right after a
    // run has ended, so the next run (seconds away) adds none either.
    const logged = all.length;
    const end = Date.now() + 20_000;
    while (runs[0].length + runs[1].length === logged) {
      assert.ok(Date.now() < end, 'another pre-warm run within 20 s');
      await sleep(20);
    }
    api.resetRequestCounts();
    const view = await getJson(pair[0], imagesPath('small', SMALL));
    assert.equal(view.status, 200);
    assert.equal(api.requestCount('DescribeImages'), 0);
    await Promise.all(pair.map(r => r.stop()));
  });
});
