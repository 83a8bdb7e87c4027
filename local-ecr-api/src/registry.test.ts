import {
  BatchDeleteImageCommand,
  BatchGetRepositoryScanningConfigurationCommand,
  CreatePullThroughCacheRuleCommand,
  CreateRepositoryCommand,
  CreateRepositoryCreationTemplateCommand,
  DeletePullThroughCacheRuleCommand,
  DeleteRegistryPolicyCommand,
  DeleteRepositoryCreationTemplateCommand,
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  DescribePullThroughCacheRulesCommand,
  DescribeRegistryCommand,
  DescribeRepositoryCreationTemplatesCommand,
  GetAuthorizationTokenCommand,
  GetLifecyclePolicyPreviewCommand,
  GetRegistryPolicyCommand,
  PutImageCommand,
  PutLifecyclePolicyCommand,
  PutRegistryPolicyCommand,
  PutRegistryScanningConfigurationCommand,
  PutReplicationConfigurationCommand,
  SetRepositoryPolicyCommand,
  StartImageScanCommand,
  StartLifecyclePolicyPreviewCommand,
  UpdatePullThroughCacheRuleCommand,
  ValidatePullThroughCacheRuleCommand,
} from '@aws-sdk/client-ecr';
import { generatedManifest } from './simulation/simulate';
import { untaggedExpiryRule } from './fixtureBuilders';
import { startLocalEcrApi, type LocalEcrApi } from './index';
import {
  ecrClient,
  expectAwsError,
  registryScanningConfiguration,
} from './__testUtils__/clients';
import { allowStatement, policyText } from './__testUtils__/policyDocuments';

const ACCOUNT = '111122223333';
const NOW = 1_767_225_600;
const DAY = 86_400;
let api: LocalEcrApi;
let clock = NOW;
const ecr = () => ecrClient(api, 'AKIAA');
const invalid = (message: string | RegExp) => ({
  type: 'InvalidParameterException',
  status: 400,
  message,
});
const lifecycle = (rules: unknown[]) => JSON.stringify({ rules });
const keepFive = {
  rulePriority: 1,
  description: 'keep the five newest release images',
  selection: {
    tagStatus: 'tagged',
    tagPatternList: ['1.*'],
    countType: 'imageCountMoreThan',
    countNumber: 5,
  },
  action: { type: 'expire' },
};

beforeEach(async () => {
  clock = NOW;
  api = await startLocalEcrApi({
    now: () => clock,
    accounts: { AKIAA: ACCOUNT },
    fixture: {
      registries: [
        {
          accountId: ACCOUNT,
          region: 'eu-west-1',
          repositories: [
            {
              name: 'team/app',
              images: [
                ...Array.from({ length: 8 }, (_, i) => ({
                  tags: [`1.${i}.0`],
                  pushedAt: NOW - (10 - i) * DAY,
                })),
                { tags: [], pushedAt: NOW - 30 * DAY },
                {
                  kind: 'index' as const,
                  tags: ['multi'],
                  pushedAt: NOW - DAY,
                },
              ],
            },
          ],
        },
      ],
    },
  });
});
afterEach(() => api.stop());

describe('registry policy', () => {
  const policy = policyText(
    allowStatement(
      'ReplicationAccessCrossAccount',
      'arn:aws:iam::444455556666:root',
      ['ecr:CreateRepository', 'ecr:ReplicateImage'],
      `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/*`,
    ),
  );

  it('is stored, returned and deleted; a missing one is RegistryPolicyNotFoundException', async () => {
    await expectAwsError(ecr().send(new GetRegistryPolicyCommand({})), {
      type: 'RegistryPolicyNotFoundException',
      status: 400,
      message: `Registry policy does not exist in the registry with id '${ACCOUNT}'`,
    });
    await expect(
      ecr().send(new PutRegistryPolicyCommand({ policyText: policy })),
    ).resolves.toMatchObject({ registryId: ACCOUNT, policyText: policy });
    await expect(
      ecr().send(new GetRegistryPolicyCommand({})),
    ).resolves.toMatchObject({ policyText: policy });
    await ecr().send(new DeleteRegistryPolicyCommand({}));
    await expect(
      ecr().send(new DeleteRegistryPolicyCommand({})),
    ).rejects.toMatchObject({ name: 'RegistryPolicyNotFoundException' });
  });

  it('needs a Resource in every statement, unlike a repository policy', async () => {
    const statement = JSON.parse(policy).Statement[0];
    delete statement.Resource;
    await expectAwsError(
      ecr().send(
        new PutRegistryPolicyCommand({ policyText: policyText(statement) }),
      ),
      invalid(
        /^Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid registry policy provided'/,
      ),
    );
  });
});

describe('replication configuration', () => {
  it('shows in DescribeRegistry', async () => {
    const rules = [
      {
        destinations: [{ region: 'us-east-1', registryId: '444455556666' }],
        repositoryFilters: [
          { filter: 'team', filterType: 'PREFIX_MATCH' as const },
        ],
      },
    ];
    await ecr().send(
      new PutReplicationConfigurationCommand({
        replicationConfiguration: { rules },
      }),
    );
    await expect(
      ecr().send(new DescribeRegistryCommand({})),
    ).resolves.toMatchObject({
      registryId: ACCOUNT,
      replicationConfiguration: { rules },
    });
  });

  test.each([
    [
      'the source registry as destination',
      [{ destinations: [{ region: 'eu-west-1', registryId: ACCOUNT }] }],
      "Invalid parameter at 'replicationConfiguration.rules.1.member.destinations.1.member' failed to satisfy constraint: 'Replication destination cannot be the same as the source registry'",
    ],
    [
      'a destination in another partition',
      [{ destinations: [{ region: 'cn-north-1', registryId: ACCOUNT }] }],
      "Invalid parameter at 'replicationConfiguration.rules.1.member.destinations.1.member.region' failed to satisfy constraint: 'Region cn-north-1 is in partition aws-cn; replication stays within aws'",
    ],
    [
      '26 unique destinations',
      [
        {
          destinations: Array.from({ length: 13 }, (_, i) => ({
            region: 'us-east-1',
            registryId: String(100000000000 + i),
          })),
        },
        {
          destinations: Array.from({ length: 13 }, (_, i) => ({
            region: 'us-west-2',
            registryId: String(100000000000 + i),
          })),
        },
      ],
      "Invalid parameter at 'replicationConfiguration' failed to satisfy constraint: 'A replication configuration can have at most 25 unique destinations; this one has 26'",
    ],
    [
      'a filter that is not a name prefix',
      [
        {
          destinations: [{ region: 'us-east-1', registryId: ACCOUNT }],
          repositoryFilters: [{ filter: 'Team*', filterType: 'PREFIX_MATCH' }],
        },
      ],
      /^Invalid parameter at 'replicationConfiguration\.rules\.1\.member\.repositoryFilters\.1\.member\.filter' failed to satisfy constraint: 'must satisfy regular expression/,
    ],
  ])('refuses %s', async (_, rules, message) => {
    await expectAwsError(
      ecr().send(
        new PutReplicationConfigurationCommand({
          replicationConfiguration: { rules: rules as never },
        }),
      ),
      invalid(message),
    );
    await expect(
      ecr().send(new DescribeRegistryCommand({})),
    ).resolves.toMatchObject({ replicationConfiguration: { rules: [] } });
  });
});

describe('pull through cache rules', () => {
  it('are created, described, updated, validated and deleted', async () => {
    const created = await ecr().send(
      new CreatePullThroughCacheRuleCommand({
        ecrRepositoryPrefix: 'quay',
        upstreamRegistryUrl: 'quay.io',
      }),
    );
    expect(created).toMatchObject({
      ecrRepositoryPrefix: 'quay',
      upstreamRegistry: 'quay',
      createdAt: new Date(NOW * 1000),
    });
    await expectAwsError(
      ecr().send(
        new CreatePullThroughCacheRuleCommand({
          ecrRepositoryPrefix: 'quay',
          upstreamRegistryUrl: 'quay.io',
        }),
      ),
      {
        type: 'PullThroughCacheRuleAlreadyExistsException',
        status: 400,
        message: `A pull through cache rule with prefix 'quay' already exists in the registry with id '${ACCOUNT}'`,
      },
    );
    await expect(
      ecr().send(new DescribePullThroughCacheRulesCommand({})),
    ).resolves.toMatchObject({
      pullThroughCacheRules: [
        { ecrRepositoryPrefix: 'quay', upstreamRegistryUrl: 'quay.io' },
      ],
    });
    await expect(
      ecr().send(
        new ValidatePullThroughCacheRuleCommand({
          ecrRepositoryPrefix: 'quay',
        }),
      ),
    ).resolves.toMatchObject({
      isValid: false,
      failure:
        "the upstream registry quay.io is not reachable (it is not in the simulator's seed)",
    });
    await expectAwsError(
      ecr().send(
        new UpdatePullThroughCacheRuleCommand({
          ecrRepositoryPrefix: 'quay',
          customRoleArn: 'not-a-role',
        }),
      ),
      invalid(
        "Invalid parameter at 'customRoleArn' failed to satisfy constraint: ''not-a-role' is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)'",
      ),
    );
    await ecr().send(
      new DeletePullThroughCacheRuleCommand({ ecrRepositoryPrefix: 'quay' }),
    );
    for (const command of [
      new DeletePullThroughCacheRuleCommand({ ecrRepositoryPrefix: 'quay' }),
      new DescribePullThroughCacheRulesCommand({
        ecrRepositoryPrefixes: ['quay'],
      }),
      new ValidatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: 'quay' }),
    ]) {
      await expectAwsError(ecr().send(command as never), {
        type: 'PullThroughCacheRuleNotFoundException',
        status: 400,
        message: `The pull through cache rule with prefix 'quay' does not exist in the registry with id '${ACCOUNT}'`,
      });
    }
  });

  test.each([
    [
      'an unsupported upstream',
      {
        ecrRepositoryPrefix: 'mine',
        upstreamRegistryUrl: 'registry.example.com',
      },
      'UnsupportedUpstreamRegistryException',
      "The upstream registry URL 'registry.example.com' is not supported for pull through cache",
    ],
    [
      'a mismatched upstreamRegistry',
      {
        ecrRepositoryPrefix: 'k8s',
        upstreamRegistryUrl: 'registry.k8s.io',
        upstreamRegistry: 'quay',
      },
      'InvalidParameterException',
      "Invalid parameter at 'upstreamRegistry' failed to satisfy constraint: ''quay' does not match the upstream registry URL registry.k8s.io (k8s)'",
    ],
    [
      'a prefix over 30 characters',
      { ecrRepositoryPrefix: 'p'.repeat(31), upstreamRegistryUrl: 'quay.io' },
      'InvalidParameterException',
      "Invalid parameter at 'ecrRepositoryPrefix' failed to satisfy constraint: 'must have length less than or equal to 30'",
    ],
    [
      'upstreamRepositoryPrefix for a non-ECR upstream',
      {
        ecrRepositoryPrefix: 'qq',
        upstreamRegistryUrl: 'quay.io',
        upstreamRepositoryPrefix: 'xy',
      },
      'InvalidParameterException',
      "Invalid parameter at 'upstreamRepositoryPrefix' failed to satisfy constraint: 'upstreamRepositoryPrefix is only supported for an Amazon ECR upstream registry'",
    ],
    [
      'a secret outside the rule’s account',
      {
        ecrRepositoryPrefix: 'gh',
        upstreamRegistryUrl: 'ghcr.io',
        credentialArn:
          'arn:aws:secretsmanager:eu-west-1:999999999999:secret:ecr-pullthroughcache/gh-abcdef',
      },
      'UnableToAccessSecretException',
      /must be in the rule's account 111122223333 and Region eu-west-1/,
    ],
    [
      'a secret without the ecr-pullthroughcache/ prefix',
      {
        ecrRepositoryPrefix: 'gh',
        upstreamRegistryUrl: 'ghcr.io',
        credentialArn: `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:github-token-abcdef`,
      },
      'InvalidParameterException',
      /^Invalid parameter at 'credentialArn' failed to satisfy constraint: 'must satisfy regular expression/,
    ],
  ])('refuses %s', async (_, input, type, message) => {
    await expectAwsError(
      ecr().send(new CreatePullThroughCacheRuleCommand(input as never)),
      { type, status: 400, message },
    );
  });

  it('allows 50 rules per registry', async () => {
    for (let i = 0; i < 50; i++) {
      await ecr().send(
        new CreatePullThroughCacheRuleCommand({
          ecrRepositoryPrefix: `q${i}`,
          upstreamRegistryUrl: 'quay.io',
        }),
      );
    }
    await expectAwsError(
      ecr().send(
        new CreatePullThroughCacheRuleCommand({
          ecrRepositoryPrefix: 'q50',
          upstreamRegistryUrl: 'quay.io',
        }),
      ),
      {
        type: 'LimitExceededException',
        status: 400,
        message: 'A registry can have at most 50 pull through cache rules',
      },
    );
  });
});

describe('repository creation templates', () => {
  it('are created, described and deleted, with their settings checked as ECR checks a repository’s', async () => {
    const { repositoryCreationTemplate } = await ecr().send(
      new CreateRepositoryCreationTemplateCommand({
        prefix: 'team/',
        appliedFor: ['CREATE_ON_PUSH'],
        imageTagMutability: 'IMMUTABLE',
      }),
    );
    expect(repositoryCreationTemplate).toMatchObject({
      prefix: 'team',
      appliedFor: ['CREATE_ON_PUSH'],
      resourceTags: [],
    });
    await expectAwsError(
      ecr().send(
        new CreateRepositoryCreationTemplateCommand({
          prefix: 'team',
          appliedFor: ['REPLICATION'],
        }),
      ),
      {
        type: 'TemplateAlreadyExistsException',
        status: 400,
        message: `A repository creation template with prefix 'team' already exists in the registry with id '${ACCOUNT}'`,
      },
    );
    await expectAwsError(
      ecr().send(
        new CreateRepositoryCreationTemplateCommand({
          prefix: 'bad',
          appliedFor: ['REPLICATION'],
          lifecyclePolicy: lifecycle([
            { ...keepFive, action: { type: 'delete' } },
          ]),
        }),
      ),
      invalid(
        /^Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: /,
      ),
    );
    await expectAwsError(
      ecr().send(
        new CreateRepositoryCreationTemplateCommand({
          prefix: 'bad',
          appliedFor: ['SOMETIMES' as never],
        }),
      ),
      invalid(
        "Invalid parameter at 'appliedFor.1.member' failed to satisfy constraint: 'must satisfy enum value set: [REPLICATION, PULL_THROUGH_CACHE, CREATE_ON_PUSH]'",
      ),
    );
    await expectAwsError(
      ecr().send(
        new CreateRepositoryCreationTemplateCommand({
          prefix: 'bad',
          appliedFor: ['REPLICATION'],
          encryptionConfiguration: {
            encryptionType: 'KMS',
            kmsKey: 'alias/my-key',
          },
        }),
      ),
      invalid(
        /^Invalid parameter at 'encryptionConfiguration\.kmsKey' failed to satisfy constraint: 'must satisfy regular expression/,
      ),
    );
    await expect(
      ecr().send(new DescribeRepositoryCreationTemplatesCommand({})),
    ).resolves.toMatchObject({
      registryId: ACCOUNT,
      repositoryCreationTemplates: [{ prefix: 'team' }],
    });
    await ecr().send(
      new DeleteRepositoryCreationTemplateCommand({ prefix: 'team' }),
    );
    await expectAwsError(
      ecr().send(
        new DescribeRepositoryCreationTemplatesCommand({ prefixes: ['team'] }),
      ),
      {
        type: 'TemplateNotFoundException',
        status: 400,
        message: `The repository creation template with prefix 'team' does not exist in the registry with id '${ACCOUNT}'`,
      },
    );
  });
});

describe('scanning', () => {
  it('keeps continuous scanning for enhanced scanning and reports what applies per repository', async () => {
    await expectAwsError(
      ecr().send(
        new PutRegistryScanningConfigurationCommand({
          scanType: 'BASIC',
          rules: [
            {
              scanFrequency: 'CONTINUOUS_SCAN',
              repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }],
            },
          ],
        }),
      ),
      invalid(
        "Invalid parameter at 'rules.1.member.scanFrequency' failed to satisfy constraint: 'CONTINUOUS_SCAN requires scanType ENHANCED; basic scanning scans on push or manually'",
      ),
    );
    await expectAwsError(
      ecr().send(
        new PutRegistryScanningConfigurationCommand({
          scanType: 'ENHANCED',
          rules: [
            {
              scanFrequency: 'SCAN_ON_PUSH',
              repositoryFilters: [{ filter: 'team/*', filterType: 'WILDCARD' }],
            },
            {
              scanFrequency: 'MANUAL',
              repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }],
            },
          ],
        }),
      ),
      invalid(
        "Invalid parameter at 'rules.2.member.scanFrequency' failed to satisfy constraint: 'MANUAL requires scanType BASIC; enhanced scanning scans on push or continuously'",
      ),
    );
    await ecr().send(
      new PutRegistryScanningConfigurationCommand({
        scanType: 'ENHANCED',
        rules: [
          {
            scanFrequency: 'CONTINUOUS_SCAN',
            repositoryFilters: [{ filter: 'team/*', filterType: 'WILDCARD' }],
          },
          {
            scanFrequency: 'SCAN_ON_PUSH',
            repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }],
          },
        ],
      }),
    );
    expect(await registryScanningConfiguration(ecr())).toMatchObject({
      scanType: 'ENHANCED',
      rules: [
        { scanFrequency: 'CONTINUOUS_SCAN' },
        { scanFrequency: 'SCAN_ON_PUSH' },
      ],
    });
    await ecr().send(
      new CreateRepositoryCommand({ repositoryName: 'tools/cli' }),
    );
    await expect(
      ecr().send(
        new BatchGetRepositoryScanningConfigurationCommand({
          repositoryNames: ['team/app', 'tools/cli', 'missing'],
        }),
      ),
    ).resolves.toMatchObject({
      scanningConfigurations: [
        {
          repositoryName: 'team/app',
          scanFrequency: 'CONTINUOUS_SCAN',
          appliedScanFilters: [{ filter: 'team/*', filterType: 'WILDCARD' }],
        },
        { repositoryName: 'tools/cli', scanFrequency: 'SCAN_ON_PUSH' },
      ],
      failures: [
        { repositoryName: 'missing', failureCode: 'REPOSITORY_NOT_FOUND' },
      ],
    });
  });

  it('starts a basic scan once a day per image, never on an index', async () => {
    await ecr().send(
      new StartImageScanCommand({
        repositoryName: 'team/app',
        imageId: { imageTag: '1.0.0' },
      }),
    );
    await expect(
      ecr().send(
        new DescribeImageScanFindingsCommand({
          repositoryName: 'team/app',
          imageId: { imageTag: '1.0.0' },
        }),
      ),
    ).resolves.toMatchObject({
      imageScanStatus: { status: 'COMPLETE' },
    });
    await expectAwsError(
      ecr().send(
        new StartImageScanCommand({
          repositoryName: 'team/app',
          imageId: { imageTag: '1.0.0' },
        }),
      ),
      {
        type: 'LimitExceededException',
        status: 400,
        message:
          'The scan quota per image has been exceeded. Wait and try again.',
      },
    );
    clock += DAY;
    await expect(
      ecr().send(
        new StartImageScanCommand({
          repositoryName: 'team/app',
          imageId: { imageTag: '1.0.0' },
        }),
      ),
    ).resolves.toBeDefined();
    await expectAwsError(
      ecr().send(
        new StartImageScanCommand({
          repositoryName: 'team/app',
          imageId: { imageTag: 'multi' },
        }),
      ),
      {
        type: 'UnsupportedImageTypeException',
        status: 400,
        message:
          'The image is a manifest list; scan its platform images instead',
      },
    );
  });
});

describe('images', () => {
  it('pushes with PutImage: digest checked, an existing push refused', async () => {
    const manifest = generatedManifest('x');
    await expectAwsError(
      ecr().send(
        new PutImageCommand({
          repositoryName: 'team/app',
          imageManifest: manifest,
          imageDigest: `sha256:${'0'.repeat(64)}`,
        }),
      ),
      {
        type: 'ImageDigestDoesNotMatchException',
        status: 400,
        message: /does not match the digest sha256:/,
      },
    );
    await ecr().send(
      new PutImageCommand({
        repositoryName: 'team/app',
        imageManifest: manifest,
        imageTag: '2.0.0',
      }),
    );
    await expectAwsError(
      ecr().send(
        new PutImageCommand({
          repositoryName: 'team/app',
          imageManifest: manifest,
          imageTag: '2.0.0',
        }),
      ),
      {
        type: 'ImageAlreadyExistsException',
        status: 400,
        message: /already exists in the repository with name 'team\/app'/,
      },
    );
    await expectAwsError(
      ecr().send(
        new PutImageCommand({
          repositoryName: 'team/app',
          imageManifest: 'not json',
        }),
      ),
      invalid(
        "Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'",
      ),
    );
    await expectAwsError(
      ecr().send(
        new PutImageCommand({
          repositoryName: 'team/app',
          imageManifest: JSON.stringify({
            schemaVersion: 2,
            mediaType: 'application/vnd.oci.image.index.v1+json',
            manifests: [
              {
                mediaType: 'application/vnd.oci.image.manifest.v1+json',
                digest: `sha256:${'1'.repeat(64)}`,
                size: 10,
              },
            ],
          }),
        }),
      ),
      {
        type: 'ReferencedImagesNotFoundException',
        status: 400,
        message: /references images that are not in the repository/,
      },
    );
  });

  it('deletes by tag (the image with its last tag) and by digest, but not a manifest an index lists', async () => {
    const repository = api.store
      .get(ACCOUNT, 'eu-west-1')
      .repositories.get('team/app')!;
    const index = [...repository.images.values()].find(i => i.manifests)!;
    const result = await ecr().send(
      new BatchDeleteImageCommand({
        repositoryName: 'team/app',
        imageIds: [
          { imageTag: '1.0.0' },
          { imageDigest: index.manifests![0].digest },
          { imageTag: 'nope' },
        ],
      }),
    );
    expect(result.imageIds).toEqual([
      { imageDigest: expect.stringMatching(/^sha256:/), imageTag: '1.0.0' },
    ]);
    expect(result.failures?.map(f => f.failureCode)).toEqual([
      'ImageReferencedByManifestList',
      'ImageNotFound',
    ]);
    const left = await ecr().send(
      new DescribeImagesCommand({ repositoryName: 'team/app' }),
    );
    expect(left.imageDetails?.flatMap(i => i.imageTags ?? [])).not.toContain(
      '1.0.0',
    );
  });

  it('previews a lifecycle policy on the repository’s images', async () => {
    await expectAwsError(
      ecr().send(
        new GetLifecyclePolicyPreviewCommand({ repositoryName: 'team/app' }),
      ),
      {
        type: 'LifecyclePolicyPreviewNotFoundException',
        status: 400,
        message: /There is no dry run for the repository with name 'team\/app'/,
      },
    );
    const untagged = untaggedExpiryRule({
      rulePriority: 2,
      description: 'expire untagged images after two weeks',
    });
    const text = lifecycle([keepFive, untagged]);
    await expect(
      ecr().send(
        new StartLifecyclePolicyPreviewCommand({
          repositoryName: 'team/app',
          lifecyclePolicyText: text,
        }),
      ),
    ).resolves.toMatchObject({
      status: 'IN_PROGRESS',
    });
    const preview = await ecr().send(
      new GetLifecyclePolicyPreviewCommand({ repositoryName: 'team/app' }),
    );
    expect(preview.status).toBe('COMPLETE');
    expect(
      preview.previewResults?.map(r => [
        r.imageTags?.[0] ?? '(untagged)',
        r.appliedRulePriority,
        r.action?.type,
      ]),
    ).toEqual([
      ['1.0.0', 1, 'EXPIRE'],
      ['1.1.0', 1, 'EXPIRE'],
      ['1.2.0', 1, 'EXPIRE'],
      ['(untagged)', 2, 'EXPIRE'],
    ]);
    expect(preview.summary).toEqual({ expiringImageTotalCount: 4 });
    // The preview is a dry run: nothing was deleted, and the policy was not stored.
    expect(
      api.store.get(ACCOUNT, 'eu-west-1').repositories.get('team/app')!
        .lifecyclePolicyText,
    ).toBeUndefined();
  });

  it.each([
    [
      'an any rule that is not last',
      [
        { ...keepFive, rulePriority: 2 },
        {
          rulePriority: 1,
          selection: {
            tagStatus: 'any',
            countType: 'imageCountMoreThan',
            countNumber: 100,
          },
          action: { type: 'expire' },
        },
      ],
    ],
    [
      'duplicate priorities',
      [
        keepFive,
        {
          ...keepFive,
          selection: { ...keepFive.selection, tagPatternList: ['2.*'] },
        },
      ],
    ],
    [
      'tagged without a tag list',
      [
        {
          ...keepFive,
          selection: {
            tagStatus: 'tagged',
            countType: 'imageCountMoreThan',
            countNumber: 5,
          },
        },
      ],
    ],
    [
      'sinceImagePushed without countUnit',
      [
        {
          ...keepFive,
          selection: {
            tagStatus: 'untagged',
            countType: 'sinceImagePushed',
            countNumber: 5,
          },
        },
      ],
    ],
    ['the action delete', [{ ...keepFive, action: { type: 'delete' } }]],
    [
      'sinceImagePulled with expire',
      [
        {
          ...keepFive,
          selection: {
            tagStatus: 'any',
            countType: 'sinceImagePulled',
            countUnit: 'days',
            countNumber: 90,
          },
        },
      ],
    ],
  ])('refuses a lifecycle policy with %s', async (_, rules) => {
    await expectAwsError(
      ecr().send(
        new PutLifecyclePolicyCommand({
          repositoryName: 'team/app',
          lifecyclePolicyText: lifecycle(rules),
        }),
      ),
      invalid(
        /^Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: .+'$/,
      ),
    );
    expect(
      api.store.get(ACCOUNT, 'eu-west-1').repositories.get('team/app')!
        .lifecyclePolicyText,
    ).toBeUndefined();
  });

  it('refuses a repository policy with a Resource element or without a Principal', async () => {
    for (const statement of [
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'ecr:BatchGetImage',
        Resource: '*',
      },
      { Effect: 'Allow', Action: 'ecr:BatchGetImage' },
    ]) {
      await expectAwsError(
        ecr().send(
          new SetRepositoryPolicyCommand({
            repositoryName: 'team/app',
            policyText: policyText(statement),
          }),
        ),
        invalid(
          /^Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'/,
        ),
      );
    }
  });

  it('hands out a docker login token for 12 hours', async () => {
    const { authorizationData } = await ecr().send(
      new GetAuthorizationTokenCommand({}),
    );
    expect(authorizationData).toEqual([
      {
        authorizationToken: expect.any(String),
        expiresAt: new Date((NOW + 12 * 3600) * 1000),
        proxyEndpoint: `https://${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com`,
      },
    ]);
    expect(
      Buffer.from(
        authorizationData![0].authorizationToken!,
        'base64',
      ).toString(),
    ).toMatch(/^AWS:/);
  });
});
