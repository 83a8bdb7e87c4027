import {
  CreateRepositoryCommand,
  DeleteRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  InvalidParameterException,
  RepositoryAlreadyExistsException,
  RepositoryNotFoundException,
  paginateDescribeRepositories,
} from '@aws-sdk/client-ecr';
import { startLocalEcrApi, type LocalEcrApi } from './index';

const ACCOUNT_A = '111122223333';
const ACCOUNT_B = '444455556666';
let api: LocalEcrApi;

function client(accessKeyId: string, region = 'eu-west-1'): ECRClient {
  return new ECRClient({
    endpoint: api.url,
    region,
    credentials: { accessKeyId, secretAccessKey: 'local' },
  });
}

beforeAll(async () => {
  api = await startLocalEcrApi({
    accounts: { AKIAA: ACCOUNT_A, AKIAB: ACCOUNT_B },
    now: () => 1_767_225_600,
  });
});
afterAll(() => api.stop());
beforeEach(() => api.resetRequestCounts());

describe('repositories through the real ECRClient', () => {
  it('creates a repository with ECR defaults and describes it', async () => {
    const ecr = client('AKIAA');
    const created = await ecr.send(
      new CreateRepositoryCommand({ repositoryName: 'team/payments' }),
    );
    expect(created.repository).toEqual({
      repositoryArn: `arn:aws:ecr:eu-west-1:${ACCOUNT_A}:repository/team/payments`,
      registryId: ACCOUNT_A,
      repositoryName: 'team/payments',
      repositoryUri: `${ACCOUNT_A}.dkr.ecr.eu-west-1.amazonaws.com/team/payments`,
      createdAt: new Date(1_767_225_600 * 1000),
      imageTagMutability: 'MUTABLE',
      imageScanningConfiguration: { scanOnPush: false },
      encryptionConfiguration: { encryptionType: 'AES256' },
    });
    const described = await ecr.send(
      new DescribeRepositoriesCommand({ repositoryNames: ['team/payments'] }),
    );
    expect(described.repositories?.[0].repositoryArn).toBe(
      created.repository?.repositoryArn,
    );
  });

  it('keeps each account and region its own registry', async () => {
    await client('AKIAB', 'us-east-1').send(
      new CreateRepositoryCommand({ repositoryName: 'team/payments' }),
    );
    await expect(
      client('AKIAB', 'eu-west-1').send(
        new DescribeRepositoriesCommand({ repositoryNames: ['team/payments'] }),
      ),
    ).rejects.toThrow(RepositoryNotFoundException);
  });

  it('returns ECR error shapes the SDK turns into typed exceptions', async () => {
    const ecr = client('AKIAA');
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'dup' }));
    await expect(
      ecr.send(new CreateRepositoryCommand({ repositoryName: 'dup' })),
    ).rejects.toThrow(RepositoryAlreadyExistsException);
    await expect(
      ecr.send(new CreateRepositoryCommand({ repositoryName: 'Bad_Name' })),
    ).rejects.toThrow(InvalidParameterException);
    await expect(
      ecr.send(new DeleteRepositoryCommand({ repositoryName: 'missing' })),
    ).rejects.toMatchObject({
      name: 'RepositoryNotFoundException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      ecr.send(new DescribeRepositoriesCommand({ maxResults: 1001 })),
    ).rejects.toThrow(/maxResults/);
  });

  it('refuses unknown credentials', async () => {
    await expect(
      client('AKIAUNKNOWN').send(new DescribeRepositoriesCommand({})),
    ).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('pages with maxResults and an opaque nextToken through the SDK paginator', async () => {
    const ecr = client('AKIAA', 'ap-south-1');
    for (let i = 0; i < 25; i++) {
      await ecr.send(
        new CreateRepositoryCommand({
          repositoryName: `svc-${String(i).padStart(2, '0')}`,
        }),
      );
    }
    api.resetRequestCounts();
    const names: string[] = [];
    for await (const page of paginateDescribeRepositories(
      { client: ecr, pageSize: 10 },
      {},
    )) {
      names.push(...(page.repositories ?? []).map(r => r.repositoryName!));
    }
    expect(names).toHaveLength(25);
    expect(new Set(names).size).toBe(25);
    expect(api.requestCount('DescribeRepositories')).toBe(3);
    await expect(
      ecr.send(new DescribeRepositoriesCommand({ nextToken: 'forged' })),
    ).rejects.toThrow(InvalidParameterException);
  });
});
