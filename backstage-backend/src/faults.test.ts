import {
  ECR_ARN_ANNOTATION,
  type EcrImagesResponse,
} from '@ecr-kit/backstage-plugin-ecr-common';
import { startLocalEcrApi, type LocalEcrApi } from '@ecr-kit/local-ecr-api';
import { ARNS, DR, MAIN, NOW, fixture } from './__fixtures__/registry';
import { resetFixtureApi, startFixtureApi } from './__testUtils__/fixtureApi';
import { component, get, startEcrBackend } from './__testUtils__/testBackend';
import { untilStale } from './__testUtils__/untilStale';

// What a view does when ECR misbehaves: answered within the deadline (plus 1 s), stale
// where a value is cached, a clear 5xx naming account, Region and step where not.

const DEADLINE_MS = 2_000;
const entities = [
  component('payments', {
    [ECR_ARN_ANNOTATION]: `${ARNS.payments},${ARNS.paymentsDr}`,
  }),
  component('big', { [ECR_ARN_ANNOTATION]: ARNS.big }),
  component('many', {
    [ECR_ARN_ANNOTATION]: Array.from(
      { length: 25 },
      (_, i) => `arn:aws:ecr:eu-west-1:${MAIN}:repository/team/r${i}`,
    ).join(','),
  }),
  component('gov', {
    [ECR_ARN_ANNOTATION]: `arn:aws-us-gov:ecr:us-gov-west-1:${MAIN}:repository/team/payments`,
  }),
];
let api: LocalEcrApi;
const worst: Record<string, number> = {};

function startBackend(ecr: Record<string, unknown> = {}) {
  return startEcrBackend({
    api,
    entities,
    ecr: {
      maxAttempts: 2,
      deadline: { milliseconds: DEADLINE_MS },
      timeouts: {
        request: { milliseconds: 500 },
        connect: { milliseconds: 500 },
      },
      ...ecr,
    },
  });
}

/** A GET that must answer within the deadline plus a second; records its latency. */
async function timed(
  fault: string,
  server: Awaited<ReturnType<typeof startBackend>>,
  path: string,
) {
  const started = Date.now();
  const res = await get(server, path);
  const elapsed = Date.now() - started;
  worst[fault] = Math.max(worst[fault] ?? 0, elapsed);
  expect(elapsed).toBeLessThan(DEADLINE_MS + 1_000);
  return res;
}

const images = (entity = 'payments', arn = ARNS.payments) =>
  `/entities/component/default/${entity}/images?repository=${encodeURIComponent(arn)}`;

beforeAll(async () => {
  api = await startFixtureApi();
});
afterAll(async () => {
  await api.stop();
  // eslint-disable-next-line no-console
  console.log(`worst latency per fault (ms): ${JSON.stringify(worst)}`);
});
beforeEach(() => resetFixtureApi(api));

describe.each([
  [
    'black hole',
    { blackHole: true },
    504,
    /did not answer (in time|within 2 s)/,
  ],
  ['connection reset', { reset: true }, 503, /could not be reached/],
  [
    '500s',
    { serverErrorRate: 1 },
    503,
    /failed in account 111111111111 \(eu-west-1\)/,
  ],
  // Throttled calls keep retrying with backoff, so a cold view meets its deadline first.
  ['throttling', { throttleRate: 1 }, 504, /did not answer within 2 s/],
] as const)('%s on DescribeImages', (fault, rule, status, message) => {
  it('answers a cold view with a clear error naming account, Region and step', async () => {
    const server = await startBackend();
    api.faults.add({ operation: 'DescribeImages', ...rule });
    const res = await timed(fault, server, images());
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.message).toContain(`account ${MAIN} (eu-west-1)`);
    expect(res.body.error.message).toMatch(/list images/);
  });

  it('serves the cached listing, marked stale with the reason', async () => {
    const server = await startBackend({ cache: { ttl: { milliseconds: 1 } } });
    expect((await get(server, images())).status).toBe(200);
    api.faults.add({ operation: 'DescribeImages', ...rule });
    await new Promise(resolve => setTimeout(resolve, 5));
    const first = await timed(fault, server, images());
    expect(first.body.freshness).toMatchObject({ refreshing: true });
    const res = await untilStale(() => timed(fault, server, images()));
    expect(res.status).toBe(200);
    const body = res.body as EcrImagesResponse;
    expect(body.freshness.stale).toBe(true);
    expect(body.freshness.staleReason).toMatch(
      fault === 'throttling' ? /kept throttling requests/ : message,
    );
    expect(body.images.length).toBeGreaterThan(0);
  });
});

// Throttled calls back off for seconds by design; on a loaded two-core machine 5 s is too
// tight (the assertions bound each view's latency themselves).
jest.setTimeout(30_000);

describe('partial failure', () => {
  it('serves the listing when scan results are denied, each scan UNAVAILABLE with why', async () => {
    const server = await startBackend();
    api.faults.add({
      operation: 'DescribeImageScanFindings',
      accessDenied: true,
    });
    const res = await timed('scan calls denied', server, images());
    expect(res.status).toBe(200);
    const body = res.body as EcrImagesResponse;
    expect(body.images.length).toBeGreaterThan(0);
    for (const image of body.images) {
      expect(image.scan).toMatchObject({
        state: 'UNAVAILABLE',
        unavailableReason: `Access denied in account ${MAIN} (eu-west-1) while trying to read scan results: the role or keys configured for this account in aws.accounts need ecr:DescribeImageScanFindings`,
      });
    }
  });

  it('marks scans UNAVAILABLE when their calls pass the deadline, still within it', async () => {
    const server = await startBackend();
    api.faults.add({ operation: 'DescribeImageScanFindings', blackHole: true });
    const res = await timed('scan calls black-holed', server, images());
    expect(res.status).toBe(200);
    expect(
      (res.body as EcrImagesResponse).images.map(i => i.scan?.state),
    ).toEqual(expect.arrayContaining(['UNAVAILABLE']));
  });

  it('serves one repository when the other account fails', async () => {
    const server = await startBackend();
    api.faults.add({ accountId: DR, serverErrorRate: 1 });
    const res = await timed(
      'one account failing',
      server,
      '/entities/component/default/payments/repositories',
    );
    expect(res.status).toBe(200);
    expect(res.body.repositories.map((r: { arn: string }) => r.arn)).toEqual([
      ARNS.payments,
    ]);
    expect(res.body.errors).toEqual([
      {
        arn: ARNS.paymentsDr,
        message: expect.stringContaining(`account ${DR} (us-east-1)`),
      },
    ]);
  });

  it('remembers a failure briefly, so the next view does not pay for it again', async () => {
    const server = await startBackend();
    api.faults.add({ operation: 'DescribeRepositories', accessDenied: true });
    await get(server, '/entities/component/default/big/repositories');
    const calls = api.requestCount('DescribeRepositories');
    const again = await get(
      server,
      '/entities/component/default/big/repositories',
    );
    expect(again.body.errors[0].message).toMatch(/Access denied/);
    expect(api.requestCount('DescribeRepositories')).toBe(calls);
  });
});

describe('limits and configuration', () => {
  // A quiet ECR of their own: earlier tests' abandoned calls may still reach the shared one.
  let quiet: LocalEcrApi;
  beforeEach(async () => {
    quiet = await startLocalEcrApi({ fixture, now: () => NOW });
  });
  afterEach(() => quiet.stop());

  it('refuses an entity naming more repositories than the limit, before any AWS call', async () => {
    const server = await startEcrBackend({ api: quiet, entities });
    const res = await get(
      server,
      '/entities/component/default/many/repositories',
    );
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe(
      'Entity many names 25 repositories; the backend serves at most 20 per entity (ecr.maxRepositoriesPerEntity)',
    );
    expect(quiet.requestCount()).toBe(0);
  });

  it('never serves a GovCloud ARN with the commercial account’s credentials', async () => {
    const server = await startEcrBackend({ api: quiet, entities });
    const res = await get(
      server,
      '/entities/component/default/gov/repositories',
    );
    expect(res.status).toBe(200);
    expect(res.body.repositories).toEqual([]);
    expect(res.body.errors[0].message).toBe(
      `The repository is in partition aws-us-gov, but account ${MAIN} is configured for aws: set partition: aws-us-gov (with roleName) for it in aws.accounts, or fix the ARN`,
    );
    const direct = await get(
      server,
      images(
        'gov',
        `arn:aws-us-gov:ecr:us-gov-west-1:${MAIN}:repository/team/payments`,
      ),
    );
    expect(direct.status).toBe(422);
    expect(quiet.requestCount()).toBe(0);
  });

  it('answers within the deadline when ECR is not running at all', async () => {
    const stopped = await startLocalEcrApi({});
    const url = stopped.url;
    await stopped.stop();
    const server = await startEcrBackend({
      api,
      entities,
      ecr: {
        endpoint: url,
        maxAttempts: 2,
        deadline: { milliseconds: DEADLINE_MS },
      },
    });
    const res = await timed('ECR stopped', server, images());
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(
      /could not be reached in account 111111111111 \(eu-west-1\) while trying to list images/,
    );
  });
});
