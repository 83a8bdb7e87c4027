// Benchmark: the images view of a 10,000-image repository, served by the plugin through
// the real AWS SDK from the local ECR API with injected latency, against a baseline that
// does what a naive plugin does (list every image, then one DescribeImageScanFindings per
// image, on every view, no cache). Both run in the same process, on the same server.
import {
  DescribeImageScanFindingsCommand,
  ECRClient,
  paginateDescribeImages,
} from '@aws-sdk/client-ecr';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ECR_ARN_ANNOTATION } from '@ecr-kit/backstage-plugin-ecr-common';
import { startLocalEcrApi, type LocalEcrApi } from '@ecr-kit/local-ecr-api';
import type { AddressInfo } from 'node:net';
import { ecrPlugin } from '../src/plugin';

const N = Number(process.env.BENCH_IMAGES ?? 10_000);
const PAGE = Number(process.env.BENCH_PAGE_SIZE ?? 25);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 10);
const WARM_VIEWS = Number(process.env.BENCH_WARM_VIEWS ?? 200);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 100);
const NAIVE_CONCURRENCY = 16;
const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const REPOSITORY = 'team/big';
const ARN = `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${REPOSITORY}`;
const KEY = { accessKeyId: 'AKIABENCH', secretAccessKey: 'bench' };

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function startApi(): Promise<LocalEcrApi> {
  const api = await startLocalEcrApi({
    seed: 7,
    accounts: { [KEY.accessKeyId]: ACCOUNT },
    fixture: {
      registries: [
        {
          accountId: ACCOUNT,
          region: REGION,
          repositories: [{ name: REPOSITORY, generate: { count: N, seed: 7 } }],
        },
      ],
    },
  });
  api.faults.add({ latencyMs: LATENCY_MS });
  return api;
}

async function startPortal(api: LocalEcrApi) {
  const { server } = await startTestBackend({
    features: [
      ecrPlugin,
      catalogServiceMock.factory({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: {
              name: 'big',
              annotations: { [ECR_ARN_ANNOTATION]: ARN },
            },
            spec: { type: 'service', owner: 'team', lifecycle: 'production' },
          },
        ],
      }),
      mockServices.rootConfig.factory({
        data: {
          aws: { accounts: [{ accountId: ACCOUNT, ...KEY }] },
          ecr: { endpoint: api.url },
        },
      }),
    ],
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/api/ecr/entities/component/default/big/images?repository=${encodeURIComponent(ARN)}&pageSize=${PAGE}`;
  return {
    url,
    stop: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

async function timed(url: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  return performance.now() - start;
}

function calls(api: LocalEcrApi) {
  const counts = api.requestCounts();
  api.resetRequestCounts();
  return counts;
}

/** What a naive plugin does on every view: list everything, then findings per image. */
async function naiveView(api: LocalEcrApi) {
  const ecr = new ECRClient({
    endpoint: api.url,
    region: REGION,
    credentials: KEY,
  });
  const start = performance.now();
  const digests: string[] = [];
  for await (const page of paginateDescribeImages(
    { client: ecr, pageSize: 1000 },
    { repositoryName: REPOSITORY },
  )) {
    for (const image of page.imageDetails ?? [])
      digests.push(image.imageDigest!);
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: NAIVE_CONCURRENCY }, async () => {
      while (next < digests.length) {
        const imageDigest = digests[next++];
        await ecr
          .send(
            new DescribeImageScanFindingsCommand({
              repositoryName: REPOSITORY,
              imageId: { imageDigest },
            }),
          )
          .catch(() => undefined);
      }
    }),
  );
  return performance.now() - start;
}

const total = (counts: Record<string, number>) =>
  Object.values(counts).reduce((a, b) => a + b, 0);

async function main() {
  const api = await startApi();
  console.log(
    `images view of a ${N.toLocaleString('en')}-image repository, page of ${PAGE}, ${LATENCY_MS} ms injected latency per ECR call\n`,
  );

  const indexes = [
    ...api.store
      .get(ACCOUNT, REGION)
      .repositories.get(REPOSITORY)!
      .images.values(),
  ].filter(i => i.manifests).length;

  // ecr-kit: cold view, then warm views.
  let portal = await startPortal(api);
  calls(api);
  const coldMs = await timed(portal.url);
  const cold = calls(api);
  const warm: number[] = [];
  for (let i = 0; i < WARM_VIEWS; i++) warm.push(await timed(portal.url));
  const warmCalls = calls(api);
  await portal.stop();

  // ecr-kit: concurrent cold requests on a fresh instance share one listing.
  portal = await startPortal(api);
  calls(api);
  await Promise.all(
    Array.from({ length: CONCURRENT }, () => timed(portal.url)),
  );
  const concurrent = calls(api);
  await portal.stop();

  // Baseline: a naive plugin, cold and again (it has no warm state).
  calls(api);
  const naiveColdMs = await naiveView(api);
  const naiveCold = calls(api);
  const naiveWarmMs = await naiveView(api);
  const naiveWarm = calls(api);
  await api.stop();

  const listingsPerView = Math.ceil(N / 1000);
  const other =
    total(cold) -
    (cold.DescribeImages ?? 0) -
    (cold.DescribeImageScanFindings ?? 0);
  console.log('ECR calls by operation');
  console.table({
    'ecr-kit cold view': cold,
    'ecr-kit warm views (all)': warmCalls,
    [`ecr-kit ${CONCURRENT} concurrent cold`]: concurrent,
    'naive cold view': naiveCold,
    'naive warm view': naiveWarm,
  });
  console.log('HTTP time per view');
  console.table({
    'ecr-kit cold': { p50: ms(coldMs), p95: ms(coldMs) },
    [`ecr-kit warm (${WARM_VIEWS} views)`]: {
      p50: ms(percentile(warm, 50)),
      p95: ms(percentile(warm, 95)),
    },
    'naive cold': { p50: ms(naiveColdMs), p95: ms(naiveColdMs) },
    'naive warm': { p50: ms(naiveWarmMs), p95: ms(naiveWarmMs) },
  });
  const concurrentListings = (concurrent.DescribeImages ?? 0) / listingsPerView;
  // [goal, measured, met, counts toward the exit code]
  const rows: [string, string, boolean, boolean][] = [
    [
      `cold DescribeImages ≤ ⌈N/1000⌉ = ${listingsPerView}`,
      String(cold.DescribeImages ?? 0),
      (cold.DescribeImages ?? 0) <= listingsPerView,
      true,
    ],
    [
      `cold DescribeImageScanFindings ≤ P = ${PAGE}`,
      `${cold.DescribeImageScanFindings ?? 0} (an index on the page costs one per platform)`,
      (cold.DescribeImageScanFindings ?? 0) <= PAGE,
      false,
    ],
    [
      'cold other calls ≤ 2',
      `${other} BatchGetImage (${indexes} index manifests, 100 per call)`,
      other <= 2,
      false,
    ],
    [
      'warm ECR calls = 0',
      String(total(warmCalls)),
      total(warmCalls) === 0,
      true,
    ],
    [
      'warm HTTP p50 ≤ 15 ms',
      ms(percentile(warm, 50)),
      percentile(warm, 50) <= 15,
      true,
    ],
    [
      `${CONCURRENT} concurrent cold requests → 1 listing`,
      String(concurrentListings),
      concurrentListings === 1,
      true,
    ],
  ];
  console.log('Goals');
  console.table(
    rows.map(([goal, measured, met, gating]) => ({
      goal,
      measured,
      met: met ? 'yes' : `no${gating ? '' : ' (known, see README)'}`,
    })),
  );
  console.log(
    `vs naive baseline: ECR calls per cold view ${total(naiveCold)} → ${total(cold)} (${(total(naiveCold) / total(cold)).toFixed(0)}× fewer); ` +
      `per warm view ${total(naiveWarm)} → ${total(warmCalls) / WARM_VIEWS}; ` +
      `HTTP cold ${ms(naiveColdMs)} → ${ms(coldMs)} (${(naiveColdMs / coldMs).toFixed(1)}×), ` +
      `warm p50 ${ms(naiveWarmMs)} → ${ms(percentile(warm, 50))} (${(naiveWarmMs / percentile(warm, 50)).toFixed(0)}×)`,
  );
  if (rows.some(([, , met, gating]) => gating && !met)) process.exitCode = 1;
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
