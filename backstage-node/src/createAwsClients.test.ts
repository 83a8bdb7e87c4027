import { DescribeRepositoriesCommand } from '@aws-sdk/client-ecr';
import { ConfigReader } from '@backstage/config';
import { startLocalEcrApi, type LocalEcrApi } from '@ecr-kit/local-ecr-api';
import { awsClientsFromConfig } from './createAwsClients';
import { describeAwsError } from './errors';

const MAIN = '111122223333';
const GOV = '222233334444';
let api: LocalEcrApi;

beforeAll(async () => {
  api = await startLocalEcrApi({
    accounts: { AKIAMAIN: MAIN, AKIAGOV: GOV },
    fixture: {
      registries: [
        {
          accountId: MAIN,
          region: 'eu-west-1',
          repositories: [{ name: 'team/app' }],
        },
      ],
    },
  });
});
afterAll(() => api.stop());
afterEach(() => api.faults.clear());

function clients(ecr: Record<string, unknown> = {}) {
  return awsClientsFromConfig(
    new ConfigReader({
      aws: {
        accounts: [
          { accountId: MAIN, accessKeyId: 'AKIAMAIN', secretAccessKey: 'x' },
          {
            accountId: GOV,
            roleName: 'backstage-ecr-read',
            partition: 'aws-us-gov',
          },
        ],
      },
      ecr: { endpoint: api.url, ...ecr },
    }),
  );
}

describe('awsClientsFromConfig', () => {
  it('builds an ECR client with the account’s credentials and the endpoint override', async () => {
    const ecr = await clients().ecr({ accountId: MAIN, region: 'eu-west-1' });
    const { repositories } = await ecr.send(
      new DescribeRepositoriesCommand({}),
    );
    expect(repositories?.map(r => r.repositoryName)).toEqual(['team/app']);
  });

  it('refuses an ARN whose partition is not its account’s, before any call', async () => {
    await expect(
      clients().ecr({ accountId: MAIN, region: 'us-gov-west-1' }),
    ).rejects.toMatchObject({
      statusCode: 422,
      message:
        'The repository is in partition aws-us-gov, but account 111122223333 is configured for aws: set partition: aws-us-gov (with roleName) for it in aws.accounts, or fix the ARN',
    });
    await expect(
      clients().ecr({ accountId: GOV, region: 'eu-west-1' }),
    ).rejects.toMatchObject({ statusCode: 422 });
  });

  it('bounds every call: a black-holed endpoint fails within the request timeout and attempts', async () => {
    api.faults.add({ operation: 'DescribeRepositories', blackHole: true });
    const ecr = await clients({
      timeouts: { request: 200 },
      maxAttempts: 2,
    }).ecr({ accountId: MAIN, region: 'eu-west-1' });
    const started = Date.now();
    const error = await ecr
      .send(new DescribeRepositoriesCommand({}))
      .catch(e => e);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2_000);
    expect(
      describeAwsError(error, {
        accountId: MAIN,
        region: 'eu-west-1',
        action: 'list repositories',
      }),
    ).toMatchObject({
      statusCode: 504,
      message:
        'Amazon ECR did not answer in time in account 111122223333 (eu-west-1) while trying to list repositories; it may be overloaded or unreachable from the portal',
    });
  });

  it('paces calls per account, Region and operation to the configured rate', async () => {
    const ecr = await clients({ rateLimits: { DescribeRepositories: 5 } }).ecr({
      accountId: MAIN,
      region: 'eu-west-1',
    });
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 10 }, () =>
        ecr.send(new DescribeRepositoriesCommand({})),
      ),
    );
    // 5 at once, then 5 more at 5 per second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('names a dropped connection as unreachable', async () => {
    api.faults.add({ operation: 'DescribeRepositories', reset: true });
    const ecr = await clients({ maxAttempts: 1 }).ecr({
      accountId: MAIN,
      region: 'eu-west-1',
    });
    const error = await ecr
      .send(new DescribeRepositoriesCommand({}))
      .catch(e => e);
    expect(
      describeAwsError(error, {
        accountId: MAIN,
        region: 'eu-west-1',
        action: 'list repositories',
      }),
    ).toMatchObject({ name: 'ServiceUnavailableError' });
  });
});
