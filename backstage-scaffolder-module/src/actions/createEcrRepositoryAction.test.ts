import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-ecr';
import type { JsonObject } from '@backstage/types';
import {
  ECR_ARN_ANNOTATION,
  parseRepositoryArn,
} from '@ecr-kit/backstage-plugin-ecr-common';
import {
  MAX_TAGS,
  defaultLifecycleRules,
  lifecyclePolicyText,
} from '@ecr-kit/ecr-standard';
import type { LocalEcrApi } from '@ecr-kit/local-ecr-api';
import {
  startActionHarness,
  type ActionHarness,
} from '../__testUtils__/actionHarness';
import { resolveRepositoryRequest } from './resolveRequest';

const MAIN = '111111111111';
const DR = '222222222222';
const UNCONFIGURED = '999999999999';
const REGION = 'eu-west-1';

jest.setTimeout(30_000);
let harness: ActionHarness;
let api: LocalEcrApi;

beforeAll(async () => {
  harness = await startActionHarness({
    [MAIN]: 'AKIAMAINACCOUNT',
    [DR]: 'AKIADRACCOUNT',
  });
  api = harness.api;
});
afterAll(() => harness.stop());
afterEach(() => {
  api.faults.clear();
  api.resetRequestCounts();
});

const run = (input: JsonObject, options?: { isDryRun?: boolean }) =>
  harness.run(input, options);
const ecr = (accountId = MAIN) => harness.ecr(accountId, REGION);

async function exists(name: string, accountId = MAIN) {
  try {
    await ecr(accountId).send(
      new DescribeRepositoriesCommand({ repositoryNames: [name] }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'RepositoryNotFoundException') return false;
    throw error;
  }
}

const base = { accountId: MAIN, region: REGION };

describe('ecr:repository:create', () => {
  it('creates a repository with the standard defaults, tags and pull access', async () => {
    const outputs = await run({
      ...base,
      repositoryName: 'payments/api',
      entityRef: 'component:default/payments-api',
      tags: { team: 'payments' },
      pullAccounts: [DR],
    });

    const arn = `arn:aws:ecr:${REGION}:${MAIN}:repository/payments/api`;
    expect(outputs).toEqual({
      repositoryName: 'payments/api',
      repositoryArn: arn,
      repositoryUri: expect.stringMatching(/\/payments\/api$/),
      registryId: MAIN,
      catalogAnnotations: { [ECR_ARN_ANNOTATION]: arn },
      created: true,
    });
    expect(parseRepositoryArn(outputs.repositoryArn as string)).toMatchObject({
      accountId: MAIN,
      region: REGION,
      repositoryName: 'payments/api',
    });

    const client = ecr();
    const { repositories } = await client.send(
      new DescribeRepositoriesCommand({ repositoryNames: ['payments/api'] }),
    );
    expect(repositories?.[0]).toMatchObject({
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: { encryptionType: 'AES256' },
    });
    const ids = { repositoryName: 'payments/api' };
    const lifecycle = await client.send(new GetLifecyclePolicyCommand(ids));
    // The one shared definition of the default policy, not a copy of it.
    expect(lifecycle.lifecyclePolicyText).toBe(
      lifecyclePolicyText('test', defaultLifecycleRules()),
    );
    const policy = await client.send(new GetRepositoryPolicyCommand(ids));
    expect(JSON.parse(policy.policyText ?? '')).toMatchObject({
      Statement: [
        {
          Sid: 'PullForAccounts',
          Principal: { AWS: [`arn:aws:iam::${DR}:root`] },
        },
      ],
    });
    const { tags } = await client.send(
      new ListTagsForResourceCommand({ resourceArn: arn }),
    );
    expect(tags).toEqual(
      expect.arrayContaining([
        { Key: 'team', Value: 'payments' },
        { Key: 'ecr-kit/standard', Value: 'v1' },
        {
          Key: 'backstage.io/entity-ref',
          Value: 'component:default/payments-api',
        },
      ]),
    );
  });

  it('succeeds without change when run again with the same settings', async () => {
    const input = {
      ...base,
      repositoryName: 'payments/rerun',
      mutableTagFilters: ['dev-*'],
      pullAccounts: [DR],
      tags: { team: 'payments' },
    };
    const first = await run(input);
    api.resetRequestCounts();

    const second = await run(input);

    expect(second).toEqual({ ...first, created: false });
    expect(api.requestCounts()).toEqual({
      DescribeRepositories: 1,
      GetLifecyclePolicy: 1,
      GetRepositoryPolicy: 1,
      ListTagsForResource: 1,
    });
  });

  it('fails, naming every difference, when the repository exists with other settings', async () => {
    await ecr().send(
      new CreateRepositoryCommand({
        repositoryName: 'legacy/app',
        imageTagMutability: 'MUTABLE',
        imageScanningConfiguration: { scanOnPush: false },
      }),
    );
    api.resetRequestCounts();

    await expect(
      run({ ...base, repositoryName: 'legacy/app' }),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(
        `Repository legacy/app already exists in account ${MAIN} (${REGION}) with different settings: imageTagMutability is MUTABLE (expected IMMUTABLE); scanOnPush is false (expected true); lifecyclePolicy is none (expected the policy from the inputs); tags.ecr-kit/standard is missing (expected "v1"). This action never changes an existing repository`,
      ),
    });

    // Nothing was written: no create, put, set, tag or delete call.
    expect(Object.keys(api.requestCounts()).sort()).toEqual([
      'DescribeRepositories',
      'GetLifecyclePolicy',
      'GetRepositoryPolicy',
      'ListTagsForResource',
    ]);
  });

  test.each<[string, JsonObject, string[]]>([
    [
      'an invalid name',
      { repositoryName: 'Payments/API' },
      [
        'repositoryName: "Payments/API" is not a valid ECR repository name',
        '(e.g. "payments/api")',
      ],
    ],
    [
      'a tagged rule without tags and a zero count',
      {
        repositoryName: 'ok/name',
        lifecycleRules: [
          {
            tagStatus: 'tagged',
            countType: 'sinceImagePushed',
            countNumber: 0,
          },
        ],
      },
      [
        'lifecycleRules[0]: rule 1: a "tagged" rule needs tags to match; set tagPrefixList or tagPatternList',
        'lifecycleRules[0].countNumber: rule 1: countNumber 0 is not a positive integer',
      ],
    ],
    [
      'two any rules',
      {
        repositoryName: 'ok/name',
        lifecycleRules: [
          { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 },
          { tagStatus: 'any', countType: 'sinceImagePushed', countNumber: 5 },
        ],
      },
      [
        'lifecycleRules[1].tagStatus: rule 2: only one rule per storage class may have tagStatus "any"',
      ],
    ],
    [
      'an unknown tag status',
      {
        repositoryName: 'ok/name',
        lifecycleRules: [
          { tagStatus: 'some', countType: 'sinceImagePushed', countNumber: 1 },
        ],
      },
      ['lifecycleRules[0].tagStatus: Invalid enum value'],
    ],
    [
      'rules together with the standard rules’ options',
      {
        repositoryName: 'ok/name',
        maxImageCount: 10,
        lifecycleRules: [
          { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 },
        ],
      },
      ['maxImageCount: maxImageCount only shapes the standard rules'],
    ],
    [
      'a bad account, region, filter, KMS key and tag',
      {
        repositoryName: 'ok/name',
        accountId: '1234',
        region: 'Ireland',
        mutableTagFilters: ['a b'],
        encryption: 'AES256',
        kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k',
        tags: { 'aws:owner': 'x' },
        pullAccounts: ['nope'],
      },
      [
        'accountId: "1234" is not an AWS account ID',
        'region: "Ireland" is not an AWS Region',
        'mutableTagFilters[0]: "a b" is not a valid exclusion filter',
        'kmsKeyArn: a KMS key was given but encryption is AES256',
        'tags.aws:owner: "aws:owner" is not a valid tag key',
        'pullAccounts[0]: "nope" is not an AWS account ID',
      ],
    ],
    [
      'more tags than ECR takes, counting the standard’s',
      {
        repositoryName: 'ok/name',
        tags: Object.fromEntries(
          Array.from({ length: MAX_TAGS }, (_, i) => [`tag${i}`, 'x']),
        ),
      },
      [
        `tags: the repository would get ${MAX_TAGS + 1} tags; use at most ${MAX_TAGS} tags`,
      ],
    ],
    [
      'a misspelt input',
      { repositoryName: 'ok/name', scanOnPsuh: false },
      ["input: Unrecognized key(s) in object: 'scanOnPsuh'"],
    ],
    [
      'a missing account',
      { repositoryName: 'ok/name', accountId: undefined },
      ['accountId: Required'],
    ],
  ])('rejects %s before any AWS call', async (_, input, messages) => {
    const error = await run({ ...base, ...input }).catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(/^Invalid input to ecr:repository:create: /);
    for (const message of messages) {
      expect(error.message).toContain(message);
    }
    expect(api.requestCount()).toBe(0);
  });

  it('grants access with the ARNs of the Region’s partition', () => {
    const { settings } = resolveRepositoryRequest({
      ...base,
      region: 'us-gov-west-1',
      repositoryName: 'gov/app',
      pullAccounts: [DR],
      lambdaPull: true,
      lambdaAccounts: [DR],
    });
    expect(settings.policy?.Statement).toEqual([
      expect.objectContaining({
        Sid: 'PullForAccounts',
        Principal: { AWS: [`arn:aws-us-gov:iam::${DR}:root`] },
      }),
      expect.objectContaining({ Sid: 'LambdaAccountsPull' }),
      expect.objectContaining({
        Sid: 'LambdaPull',
        Condition: {
          StringLike: {
            'aws:sourceArn': [
              `arn:aws-us-gov:lambda:us-gov-west-1:${DR}:function:*`,
            ],
          },
        },
      }),
    ]);
  });

  it('computes the outputs in a dry run without calling AWS', async () => {
    const outputs = await run(
      { ...base, repositoryName: 'dry/run', region: 'cn-north-1' },
      { isDryRun: true },
    );
    expect(outputs).toEqual({
      repositoryName: 'dry/run',
      repositoryArn: `arn:aws-cn:ecr:cn-north-1:${MAIN}:repository/dry/run`,
      repositoryUri: `${MAIN}.dkr.ecr.cn-north-1.amazonaws.com.cn/dry/run`,
      registryId: MAIN,
      catalogAnnotations: {
        [ECR_ARN_ANNOTATION]: `arn:aws-cn:ecr:cn-north-1:${MAIN}:repository/dry/run`,
      },
      created: false,
    });
    expect(api.requestCount()).toBe(0);
    // A dry run still validates.
    await expect(
      run({ ...base, repositoryName: '-bad' }, { isDryRun: true }),
    ).rejects.toThrow(
      'repositoryName: "-bad" is not a valid ECR repository name',
    );
  });

  it('deletes the repository it created when the lifecycle policy fails, so a retry starts clean', async () => {
    const input = { ...base, repositoryName: 'rollback/lifecycle' };
    api.faults.add({ operation: 'PutLifecyclePolicy', serverErrorRate: 1 });

    await expect(run(input)).rejects.toThrow(
      `Amazon ECR request to put the lifecycle policy failed in account ${MAIN} (${REGION}) (ServerException: Internal service error). The repository this task created was deleted again, so a retry starts clean`,
    );
    expect(api.requestCount('CreateRepository')).toBe(1);
    expect(api.requestCount('DeleteRepository')).toBe(1);
    expect(await exists('rollback/lifecycle')).toBe(false);

    api.faults.clear();
    expect(await run(input)).toMatchObject({ created: true });
  });

  it('deletes the repository when the repository policy is refused', async () => {
    api.faults.add({ operation: 'SetRepositoryPolicy', accessDenied: true });
    await expect(
      run({ ...base, repositoryName: 'rollback/policy', pullAccounts: [DR] }),
    ).rejects.toThrow(
      `Access denied in account ${MAIN} (${REGION}) while trying to set the repository policy: the role or keys configured for this account in aws.accounts need ecr:SetRepositoryPolicy`,
    );
    expect(await exists('rollback/policy')).toBe(false);
  });

  it('says what to clean up when the rollback fails too', async () => {
    api.faults.add({ operation: 'PutLifecyclePolicy', accessDenied: true });
    api.faults.add({ operation: 'DeleteRepository', accessDenied: true });
    await expect(
      run({ ...base, repositoryName: 'rollback/stuck' }),
    ).rejects.toThrow(
      `Rolling back failed too (Access denied in account ${MAIN} (${REGION}) while trying to delete the repository: the role or keys configured for this account in aws.accounts need ecr:DeleteRepository); delete repository rollback/stuck in account ${MAIN} (${REGION}) before retrying`,
    );
    expect(await exists('rollback/stuck')).toBe(true);
  });

  it('uses the credentials of the account it is asked for', async () => {
    const outputs = await run({
      ...base,
      accountId: DR,
      repositoryName: 'payments/dr',
    });
    expect(outputs.registryId).toBe(DR);
    expect(outputs.repositoryArn).toBe(
      `arn:aws:ecr:${REGION}:${DR}:repository/payments/dr`,
    );
    expect(await exists('payments/dr', DR)).toBe(true);
    expect(await exists('payments/dr', MAIN)).toBe(false);
  });

  it('names the account and the config key when there are no credentials for it', async () => {
    await expect(
      run({ ...base, accountId: UNCONFIGURED, repositoryName: 'no/creds' }),
    ).rejects.toThrow(
      `No AWS credentials for account ${UNCONFIGURED}: add the account to aws.accounts (or set aws.accountDefaults.roleName) in app-config`,
    );
    expect(api.requestCount('DescribeRepositories')).toBe(0);
  });

  it('names the missing permission when AWS denies the creation', async () => {
    api.faults.add({ operation: 'CreateRepository', accessDenied: true });
    const error = await run({ ...base, repositoryName: 'denied/app' }).catch(
      e => e,
    );
    expect(error.message).toBe(
      `Access denied in account ${MAIN} (${REGION}) while trying to create the repository: the role or keys configured for this account in aws.accounts need ecr:CreateRepository and ecr:TagResource`,
    );
    expect(error.message).not.toMatch(/AKIA|local-secret/);
  });
});
