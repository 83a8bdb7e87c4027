import {
  created,
  isProtected,
  ofType,
  one,
  reset,
  settled,
  value,
} from './__testUtils__/mocks';
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import {
  defaultLifecycleRules,
  lifecyclePolicyText,
} from '@ecr-kit/ecr-standard';
import { EcrStandardError, Repository } from './index';
import type { RepositoryArgs } from './index';

const REPO = 'aws:ecr/repository:Repository';
const LIFECYCLE = 'aws:ecr/lifecyclePolicy:LifecyclePolicy';
const POLICY = 'aws:ecr/repositoryPolicy:RepositoryPolicy';
const KEY = 'aws:kms/key:Key';

async function build(
  args: RepositoryArgs = {},
  name = 'payments',
  opts = {},
): Promise<Repository> {
  const repository = new Repository(name, args, opts);
  await settled(repository);
  return repository;
}

beforeEach(reset);

describe('Repository defaults', () => {
  it('creates a secure repository and a lifecycle policy, nothing else', async () => {
    const repository = await build();
    expect(created.map(r => [r.type, r.name])).toEqual([
      [REPO, 'payments'],
      [LIFECYCLE, 'payments-lifecycle'],
    ]);
    const inputs = one(REPO).inputs;
    expect(inputs).toEqual({
      name: 'payments',
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfigurations: [{ encryptionType: 'AES256' }],
      forceDelete: false,
      tags: { 'ecr-kit/standard': 'v1' },
    });
    expect(inputs.imageTagMutabilityExclusionFilters).toBeUndefined();
    expect(inputs.region).toBeUndefined();
    expect(ofType(POLICY)).toHaveLength(0);
    expect(ofType(KEY)).toHaveLength(0);
    expect(repository.repositoryPolicy).toBeUndefined();
    expect(repository.kmsKeyArn).toBeUndefined();
    // The standard's default policy (its own tests hold the JSON to AWS's format).
    expect(one(LIFECYCLE).inputs.policy).toBe(
      lifecyclePolicyText('test', defaultLifecycleRules()),
    );
    expect(one(LIFECYCLE).inputs.repository).toBe('payments');
  });

  it('exposes name, arn, URL, registry ID and the catalog annotation', async () => {
    const repository = await build({ name: 'team/payments' });
    expect(await value(repository.name)).toBe('team/payments');
    expect(await value(repository.arn)).toBe(
      'arn:aws:ecr:eu-west-1:111111111111:repository/team/payments',
    );
    expect(await value(repository.repositoryUrl)).toBe(
      '111111111111.dkr.ecr.eu-west-1.amazonaws.com/team/payments',
    );
    expect(await value(repository.registryId)).toBe('111111111111');
    expect(await value(repository.catalogAnnotations)).toEqual({
      'aws.amazon.com/amazon-ecr-arn':
        'arn:aws:ecr:eu-west-1:111111111111:repository/team/payments',
    });
  });

  it('protects the repository and its children against destroy and replacement (issue 13, finding 11)', async () => {
    const repository = await build({ pullAccounts: ['222222222222'] });
    expect(isProtected(repository.repository)).toBe(true);
    expect(isProtected(repository.lifecyclePolicy!)).toBe(true);
    expect(isProtected(repository.repositoryPolicy!)).toBe(true);
  });

  test.each<[RepositoryArgs, { protect?: boolean; retainOnDelete?: boolean }]>([
    [{}, { protect: true }],
    [{ onDelete: 'protect' }, { protect: true }],
    [{ onDelete: 'retain' }, { retainOnDelete: true }],
    [{ onDelete: 'delete' }, {}],
    [{ allowDestroy: true }, {}],
  ])(
    '%j gives every child the same deletion options (finding 11)',
    async (args, expected) => {
      const seen: Record<
        string,
        { protect?: boolean; retainOnDelete?: boolean }
      > = {};
      await build(
        { ...args, encryption: 'KMS', pullAccounts: ['222222222222'] },
        'payments',
        {
          transformations: [
            ({
              name,
              opts,
            }: {
              name: string;
              opts: pulumi.ResourceOptions;
            }) => {
              seen[name] = {
                ...(opts.protect ? { protect: true } : {}),
                ...(opts.retainOnDelete ? { retainOnDelete: true } : {}),
              };
              return undefined;
            },
          ],
        },
      );
      expect(seen).toEqual({
        'payments-key': expected,
        payments: expected,
        'payments-lifecycle': expected,
        'payments-policy': expected,
      });
    },
  );

  it('refuses allowDestroy with another onDelete', () => {
    expect(
      () =>
        new Repository('payments', { allowDestroy: true, onDelete: 'retain' }),
    ).toThrow(
      'Repository "payments": allowDestroy: allowDestroy contradicts onDelete "retain"',
    );
  });
});

describe('Repository options', () => {
  test.each<[string, RepositoryArgs, Record<string, unknown>]>([
    ['mutable tags', { mutableTags: true }, { imageTagMutability: 'MUTABLE' }],
    [
      'exclusion filters',
      { mutableTagFilters: ['latest', 'dev-*'] },
      {
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: [
          { filter: 'latest', filterType: 'WILDCARD' },
          { filter: 'dev-*', filterType: 'WILDCARD' },
        ],
      },
    ],
    [
      'scan on push off',
      { scanOnPush: false },
      { imageScanningConfiguration: { scanOnPush: false } },
    ],
    ['forceDelete', { forceDelete: true }, { forceDelete: true }],
    [
      'a given KMS key',
      { kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/given' },
      {
        encryptionConfigurations: [
          {
            encryptionType: 'KMS',
            kmsKey: 'arn:aws:kms:eu-west-1:111111111111:key/given',
          },
        ],
      },
    ],
    [
      'the owning entity',
      { entityRef: 'component:default/payments' },
      {
        tags: {
          'ecr-kit/standard': 'v1',
          'backstage.io/entity-ref': 'component:default/payments',
        },
      },
    ],
    [
      'extra tags (the standard tag wins)',
      { tags: { team: 'payments', 'ecr-kit/standard': 'mine' } },
      { tags: { team: 'payments', 'ecr-kit/standard': 'v1' } },
    ],
    ['a region', { region: 'us-east-1' }, { region: 'us-east-1' }],
  ])('%s', async (_, args, expected) => {
    await build(args);
    expect(one(REPO).inputs).toEqual(expect.objectContaining(expected));
    expect(ofType(KEY)).toHaveLength(0);
  });

  it('creates a rotating, protected KMS key for KMS encryption without a key', async () => {
    const repository = await build({
      encryption: 'KMS',
      entityRef: 'component:default/payments',
    });
    const key = one(KEY);
    expect(key.name).toBe('payments-key');
    expect(key.inputs).toEqual({
      description: 'Encryption key of the ECR repository payments',
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      tags: {
        'ecr-kit/standard': 'v1',
        'backstage.io/entity-ref': 'component:default/payments',
      },
    });
    expect(one(REPO).inputs.encryptionConfigurations).toEqual([
      {
        encryptionType: 'KMS',
        kmsKey: 'arn:aws:kms:eu-west-1:111111111111:key/payments-key',
      },
    ]);
    expect(await value(repository.kmsKeyArn!)).toBe(
      'arn:aws:kms:eu-west-1:111111111111:key/payments-key',
    );
    expect(isProtected(repository.kmsKey!)).toBe(true);
  });

  it('lets the caller opt in to destroy and replacement', async () => {
    const repository = await build({ allowDestroy: true, encryption: 'KMS' });
    expect(isProtected(repository.repository)).toBe(false);
    expect(isProtected(repository.kmsKey!)).toBe(false);
  });

  it('skips the lifecycle policy on request', async () => {
    await build({ skipLifecyclePolicy: true });
    expect(ofType(LIFECYCLE)).toHaveLength(0);
  });

  it('shapes the standard lifecycle rules', async () => {
    await build({ untaggedExpiryDays: 3, maxImageCount: 50 });
    const rules = JSON.parse(one(LIFECYCLE).inputs.policy).rules;
    expect(
      rules.map(
        (r: { selection: { countNumber: number } }) => r.selection.countNumber,
      ),
    ).toEqual([3, 50]);
  });

  it('takes custom lifecycle rules, including archive transitions', async () => {
    await build({
      lifecycleRules: [
        {
          tagStatus: 'tagged',
          tagPatternList: ['release-*'],
          countType: 'sinceImagePulled',
          countNumber: 90,
          action: 'transition',
        },
        {
          tagStatus: 'any',
          countType: 'sinceImageTransitioned',
          countNumber: 365,
        },
      ],
    });
    expect(JSON.parse(one(LIFECYCLE).inputs.policy)).toEqual({
      rules: [
        {
          rulePriority: 1,
          selection: {
            tagStatus: 'tagged',
            tagPatternList: ['release-*'],
            countType: 'sinceImagePulled',
            countUnit: 'days',
            countNumber: 90,
          },
          action: { type: 'transition', targetStorageClass: 'archive' },
        },
        {
          rulePriority: 2,
          selection: {
            tagStatus: 'any',
            storageClass: 'archive',
            countType: 'sinceImageTransitioned',
            countUnit: 'days',
            countNumber: 365,
          },
          action: { type: 'expire' },
        },
      ],
    });
  });

  it('writes one repository policy from every helper and custom statements', async () => {
    const repository = await build({
      pullAccounts: ['222222222222'],
      pushAccounts: ['333333333333'],
      pullOrganizationIds: ['o-abcdefghij'],
      lambdaPull: true,
      lambdaAccounts: ['444444444444'],
      policyStatements: [
        {
          Sid: 'Custom',
          Effect: 'Deny',
          Principal: '*',
          Action: 'ecr:DeleteRepository',
        },
      ],
    });
    const policy = one(POLICY);
    expect(policy.name).toBe('payments-policy');
    expect(policy.inputs.repository).toBe('payments');
    const document = JSON.parse(policy.inputs.policy);
    expect(document.Version).toBe('2012-10-17');
    expect(document.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      'PullForAccounts',
      'PushForAccounts',
      'PullForOrganization',
      'LambdaAccountsPull',
      'LambdaPull',
      'Custom',
    ]);
    expect(document.Statement[0].Principal).toEqual({
      AWS: ['arn:aws:iam::222222222222:root'],
    });
    expect(document.Statement[1].Action).toContain('ecr:PutImage');
    expect(document.Statement[2].Condition).toEqual({
      StringEquals: { 'aws:PrincipalOrgID': ['o-abcdefghij'] },
    });
    // Another account's functions pull as that account and as Lambda (finding 5).
    expect(document.Statement[3]).toEqual({
      Sid: 'LambdaAccountsPull',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::444444444444:root'] },
      Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
    });
    expect(document.Statement[4]).toEqual({
      Sid: 'LambdaPull',
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
      Condition: {
        StringLike: {
          'aws:sourceArn': ['arn:aws:lambda:eu-west-1:444444444444:function:*'],
        },
      },
    });
    expect(repository.repositoryPolicy).toBeDefined();
  });

  it('passes a provider given to the component to every child', async () => {
    const provider = new aws.Provider('other', { region: 'us-west-2' });
    await build({ encryption: 'KMS' }, 'payments', { provider });
    const children = created.filter(r => r.type !== 'pulumi:providers:aws');
    expect(children).toHaveLength(3);
    for (const child of children)
      expect(child.provider).toMatch(/pulumi:providers:aws::other::other-id$/);
  });
});

describe('Repository validation', () => {
  test.each<[string, RepositoryArgs, string]>([
    [
      'a bad name',
      { name: 'Payments API' },
      'name: "Payments API" is not a valid ECR repository name',
    ],
    [
      'too many filters',
      { mutableTagFilters: ['a', 'b', 'c', 'd', 'e', 'f'] },
      'mutableTagFilters: 6 filters given; use at most 5',
    ],
    [
      'a bad filter character',
      { mutableTagFilters: ['v1/x'] },
      'mutableTagFilters[0]: "v1/x" is not a valid exclusion filter; use 1 to 128 characters from [0-9a-zA-Z._*-]',
    ],
    [
      'a long filter',
      { mutableTagFilters: ['x'.repeat(129)] },
      'is not a valid exclusion filter',
    ],
    [
      'three wildcards',
      { mutableTagFilters: ['*a*b*'] },
      'mutableTagFilters[0]: "*a*b*" has 3 wildcards; use at most 2',
    ],
    [
      'an empty filter list',
      { mutableTagFilters: [] },
      'mutableTagFilters: an empty filter list was given',
    ],
    [
      'filters with mutable tags',
      { mutableTags: true, mutableTagFilters: ['latest'] },
      'exclusion filters make no sense when every tag is mutable',
    ],
    [
      'AES256 with a key',
      {
        encryption: 'AES256',
        kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k',
      },
      'kmsKeyArn: a KMS key was given but encryption is AES256; set encryption to "KMS"',
    ],
    [
      'an unknown encryption',
      { encryption: 'DSSE' as 'KMS' },
      'encryption: encryption "DSSE" is not supported',
    ],
    [
      'a bad pull account',
      { pullAccounts: ['1234'] },
      'pullAccounts[0]: "1234" is not an AWS account ID; use the 12-digit account ID',
    ],
    [
      'a bad push account',
      { pushAccounts: ['x'] },
      'pushAccounts[0]: "x" is not an AWS account ID',
    ],
    [
      'a bad organization',
      { pullOrganizationIds: ['org-1'] },
      'pullOrganizationIds[0]: "org-1" is not an AWS Organizations ID',
    ],
    [
      'lambda accounts without lambdaPull',
      { lambdaAccounts: ['444444444444'] },
      'lambdaAccounts: lambdaAccounts is set but lambdaPull is not; set lambdaPull: true',
    ],
    [
      'a bad statement Sid',
      {
        policyStatements: [
          { Sid: 'my/sid', Effect: 'Allow', Principal: '*', Action: 'ecr:*' },
        ],
      },
      'policyStatements[0].Sid: Sid "my/sid" has characters other than letters, digits, spaces and hyphens',
    ],
    [
      'a statement with a Resource',
      {
        policyStatements: [
          { Effect: 'Allow', Principal: '*', Action: 'ecr:*', Resource: '*' },
        ],
      },
      'policyStatements[0].Resource: ECR refuses a Resource element in a repository policy',
    ],
    [
      'a statement without Principal',
      { policyStatements: [{ Effect: 'Allow', Action: 'ecr:*' }] },
      'policyStatements[0].Principal: a repository policy statement must name its Principal',
    ],
    [
      'an unknown onDelete',
      { onDelete: 'keep' as 'retain' },
      'onDelete: onDelete "keep" is not supported',
    ],
    [
      'a bad entity ref',
      { entityRef: 'component:default/pay ments' },
      'entityRef: "component:default/pay ments" is not a catalog entity reference',
    ],
    [
      'rules with skip',
      { skipLifecyclePolicy: true, maxImageCount: 3 },
      'maxImageCount: maxImageCount is set but the lifecycle policy is skipped',
    ],
    [
      'shaping options with custom rules',
      {
        untaggedExpiryDays: 3,
        lifecycleRules: [
          {
            tagStatus: 'untagged',
            countType: 'sinceImagePushed',
            countNumber: 1,
          },
        ],
      },
      'untaggedExpiryDays: untaggedExpiryDays only shapes the standard rules',
    ],
    [
      'an invalid lifecycle rule',
      {
        lifecycleRules: [
          {
            description: 'old',
            tagStatus: 'untagged',
            tagPrefixList: ['v'],
            countType: 'sinceImagePushed',
            countNumber: 1,
          },
        ],
      },
      'lifecycleRules[0].tagPrefixList: rule 1 ("old"): tag lists are only allowed with tagStatus "tagged", not "untagged"; set tagStatus to "tagged"',
    ],
    [
      // Any option the standard checks: a false lambdaPull as an Output would read as true.
      'an option of the standard that arrived as an Output',
      { lambdaPull: pulumi.output(false) as unknown as boolean },
      "lambdaPull: arrived as an Output: it holds a secret or another resource's output",
    ],
  ])('rejects %s', (_, args, message) => {
    expect(() => new Repository('payments', args)).toThrow(EcrStandardError);
    expect(() => new Repository('payments', args)).toThrow(message);
  });

  it('names the component in the error', () => {
    expect(() => new Repository('Bad', {})).toThrow(/^Repository "Bad": name:/);
  });
});
