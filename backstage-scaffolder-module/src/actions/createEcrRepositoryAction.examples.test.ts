import {
  DescribeRepositoriesCommand,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  type ECRClient,
} from '@aws-sdk/client-ecr';
import {
  defaultLifecycleRules,
  lifecyclePolicyText,
  samePolicy,
} from '@ecr-kit/ecr-standard';
import {
  startActionHarness,
  type ActionHarness,
} from '../__testUtils__/actionHarness';
import { createEcrRepositoryAction } from './createEcrRepositoryAction';
import {
  createRepositoryExamples,
  examples,
} from './createEcrRepositoryAction.examples';
import { resolveRepositoryRequest } from './resolveRequest';

// Every example runs, step by step, against a local ECR API that knows the examples'
// accounts and KMS keys; each must create what its inputs ask for and what its description
// promises.

jest.setTimeout(30_000);
const steps = createRepositoryExamples.flatMap(example =>
  example.steps.map(step => [example.description, step] as const),
);
let harness: ActionHarness;

beforeAll(async () => {
  const accounts = [...new Set(steps.map(([, step]) => step.input.accountId))];
  harness = await startActionHarness(
    Object.fromEntries(accounts.map((id, i) => [id, `AKIAEXAMPLE${i}`])),
  );
  for (const [, { input }] of steps) {
    if (input.kmsKeyArn) harness.api.world.resources.putKmsKey(input.kmsKeyArn);
  }
});
afterAll(() => harness.stop());

/** What ECR holds for repository `name`, in the terms of the standard's settings. */
async function observe(client: ECRClient, name: string) {
  const ids = { repositoryName: name };
  const absent = (error: Error) => {
    if (error.name.endsWith('NotFoundException')) return undefined;
    throw error;
  };
  const { repositories } = await client.send(
    new DescribeRepositoriesCommand({ repositoryNames: [name] }),
  );
  const repository = repositories?.[0];
  const { tags } = await client.send(
    new ListTagsForResourceCommand({ resourceArn: repository?.repositoryArn }),
  );
  const lifecyclePolicy = await client
    .send(new GetLifecyclePolicyCommand(ids))
    .then(r => r.lifecyclePolicyText, absent);
  const policy = await client
    .send(new GetRepositoryPolicyCommand(ids))
    .then(r => r.policyText, absent);
  return {
    imageTagMutability: repository?.imageTagMutability,
    exclusionFilters: repository?.imageTagMutabilityExclusionFilters ?? [],
    scanOnPush: repository?.imageScanningConfiguration?.scanOnPush,
    encryption: repository?.encryptionConfiguration?.encryptionType,
    kmsKey: repository?.encryptionConfiguration?.kmsKey,
    lifecyclePolicy,
    lifecycleRules: lifecyclePolicy && JSON.parse(lifecyclePolicy).rules,
    policy,
    statements: policy && JSON.parse(policy).Statement,
    tags: Object.fromEntries(
      (tags ?? []).map(tag => [tag.Key ?? '', tag.Value ?? '']),
    ),
  };
}

/** What each example's description promises, in ECR's terms. */
const promised: Record<string, object> = {
  'payments/api': {
    imageTagMutability: 'IMMUTABLE',
    scanOnPush: true,
    encryption: 'AES256',
    lifecyclePolicy: lifecyclePolicyText('test', defaultLifecycleRules()),
    policy: undefined,
    tags: { 'backstage.io/entity-ref': 'component:default/payments-api' },
  },
  'payments/worker': {
    imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
    exclusionFilters: [{ filter: 'dev-*', filterType: 'WILDCARD' }],
    encryption: 'KMS',
    lifecycleRules: [
      expect.objectContaining({
        selection: expect.objectContaining({ countNumber: 7 }),
      }),
      expect.objectContaining({
        selection: expect.objectContaining({ countNumber: 100 }),
      }),
    ],
    statements: [
      expect.objectContaining({
        Sid: 'PullForAccounts',
        Principal: { AWS: ['arn:aws:iam::210987654321:root'] },
      }),
    ],
  },
  'payments/functions': {
    lifecycleRules: [
      expect.objectContaining({
        selection: expect.objectContaining({ countNumber: 3 }),
      }),
      expect.anything(),
    ],
    statements: [
      expect.objectContaining({ Sid: 'PullForOrganization' }),
      expect.objectContaining({ Sid: 'LambdaAccountsPull' }),
      expect.objectContaining({ Sid: 'LambdaPull' }),
    ],
  },
};

it('registers the examples on the action, as the YAML of their steps', () => {
  const action = createEcrRepositoryAction({
    provisioner: { ensureRepository: jest.fn() },
  });
  expect(action.examples).toBe(examples);
  expect(examples).toEqual(
    createRepositoryExamples.map(example => ({
      description: example.description,
      example: expect.stringMatching(
        /^steps:\n {2}- id: ecr\n {4}name: .+\n {4}action: ecr:repository:create\n {4}input:\n/,
      ),
    })),
  );
});

it('states the promise of every example', () => {
  expect(steps.map(([, step]) => step.input.repositoryName).sort()).toEqual(
    Object.keys(promised).sort(),
  );
});

test.each(steps)('%s', async (_, step) => {
  const { input } = step;
  expect(step.action).toBe('ecr:repository:create');

  const outputs = await harness.run(input);

  expect(outputs).toMatchObject({
    repositoryName: input.repositoryName,
    registryId: input.accountId,
    created: true,
  });
  const observed = await observe(
    harness.ecr(input.accountId, input.region),
    input.repositoryName,
  );
  // What the standard makes of the inputs is what ECR holds.
  const request = resolveRepositoryRequest(input);
  const { settings } = request;
  expect(observed).toMatchObject({
    imageTagMutability: settings.imageTagMutability,
    exclusionFilters: settings.exclusionFilters,
    scanOnPush: settings.scanOnPush,
    encryption: settings.encryption,
    lifecyclePolicy: settings.lifecyclePolicy,
    tags: request.tags,
    ...(request.kmsKeyArn ? { kmsKey: request.kmsKeyArn } : {}),
  });
  expect(
    settings.policy === undefined
      ? observed.policy === undefined
      : samePolicy(observed.policy ?? '', JSON.stringify(settings.policy)),
  ).toBe(true);
  expect(observed).toMatchObject(promised[input.repositoryName]);
});
