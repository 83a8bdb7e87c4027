import {
  DescribeRepositoriesCommand,
  ECRClient,
  ListImagesCommand,
} from '@aws-sdk/client-ecr';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { startLocalEcrApi, type LocalEcrApi } from './index';
import { fixture } from './__fixtures__/testFixture';

let api: LocalEcrApi;
// The SDK's own standard retry strategy, with a short backoff so the test stays fast.
const ecr = (maxAttempts = 3) =>
  new ECRClient({
    endpoint: api.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIABASIC', secretAccessKey: 'local' },
    retryStrategy: new ConfiguredRetryStrategy(maxAttempts, () => 5),
  });

beforeAll(async () => {
  api = await startLocalEcrApi({ fixture, seed: 42 });
});
afterAll(() => api.stop());
beforeEach(() => {
  api.faults.clear();
  api.resetRequestCounts();
});

describe('fault injection', () => {
  it("lets the SDK's standard retry turn a 50 % ThrottlingException rate into success, counting the retries", async () => {
    api.faults.add({ operation: 'DescribeRepositories', throttleRate: 0.5 });
    // One at a time: the server's seeded draws then meet the requests in a fixed order, so
    // the outcome is the same on every run (concurrent requests would interleave randomly).
    const results = [];
    for (let i = 0; i < 20; i++) {
      results.push(await ecr(8).send(new DescribeRepositoriesCommand({})));
    }
    expect(
      results.every(
        r => r.repositories?.[0]?.repositoryName === 'team/payments',
      ),
    ).toBe(true);
    const requests = api.requestCount('DescribeRepositories');
    expect(requests).toBeGreaterThan(20);
    expect(requests).toBeLessThanOrEqual(20 * 8);
  });

  it('surfaces persistent throttling as ThrottlingException after the retries', async () => {
    api.faults.add({ operation: 'DescribeRepositories', throttleRate: 1 });
    await expect(
      ecr(2).send(new DescribeRepositoriesCommand({})),
    ).rejects.toMatchObject({
      name: 'ThrottlingException',
      $metadata: { attempts: 2 },
    });
    expect(api.requestCount('DescribeRepositories')).toBe(2);
  });

  it('denies access for one repository only', async () => {
    api.faults.add({ repositoryName: 'team/payments', accessDenied: true });
    await expect(
      ecr().send(new ListImagesCommand({ repositoryName: 'team/payments' })),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      ecr().send(new DescribeRepositoriesCommand({})),
    ).resolves.toBeDefined();
  });

  it('answers 500s that the SDK retries', async () => {
    const remove = api.faults.add({
      operation: 'DescribeRepositories',
      serverErrorRate: 1,
    });
    await expect(
      ecr(2).send(new DescribeRepositoriesCommand({})),
    ).rejects.toMatchObject({
      $metadata: { httpStatusCode: 500, attempts: 2 },
    });
    remove();
    await expect(
      ecr().send(new DescribeRepositoriesCommand({})),
    ).resolves.toBeDefined();
  });

  it('adds latency', async () => {
    api.faults.add({ operation: 'DescribeRepositories', latencyMs: 150 });
    const started = Date.now();
    await ecr().send(new DescribeRepositoriesCommand({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(api.requestCounts()).toEqual({ DescribeRepositories: 1 });
  });

  it('holds a black-holed request open until the client gives up', async () => {
    api.faults.add({ operation: 'DescribeRepositories', blackHole: true });
    const client = new ECRClient({
      endpoint: api.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIABASIC', secretAccessKey: 'local' },
      maxAttempts: 1,
      // This SDK only warns on requestTimeout unless asked to throw.
      requestHandler: { requestTimeout: 300, throwOnRequestTimeout: true },
    });
    const started = Date.now();
    await expect(
      client.send(new DescribeRepositoriesCommand({})),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    // Other operations still answer.
    await expect(
      client.send(new ListImagesCommand({ repositoryName: 'team/payments' })),
    ).resolves.toBeDefined();
  });

  it('resets the connection of a matching request', async () => {
    api.faults.add({ operation: 'DescribeRepositories', reset: true });
    await expect(
      ecr(1).send(new DescribeRepositoriesCommand({})),
    ).rejects.toThrow(/socket hang up/);
  });

  it('answers every response, error or not, with an x-amzn-RequestId', async () => {
    const ids = new Set<string>();
    for (const operation of ['DescribeRepositories', 'NoSuchOperation']) {
      const response = await fetch(api.url, {
        method: 'POST',
        headers: {
          'x-amz-target': `AmazonEC2ContainerRegistry_V20150921.${operation}`,
          authorization:
            'AWS4-HMAC-SHA256 Credential=AKIABASIC/20260101/eu-west-1/ecr/aws4_request, SignedHeaders=host, Signature=x',
        },
        body: '{}',
      });
      ids.add(String(response.headers.get('x-amzn-requestid')));
    }
    expect([...ids]).toEqual([
      expect.stringMatching(/^[0-9a-f]{8}-0000-4000-8000-[0-9a-f]{12}$/),
      expect.stringMatching(/^[0-9a-f]{8}-0000-4000-8000-[0-9a-f]{12}$/),
    ]);
  });
});
