import * as ecr from '@aws-sdk/client-ecr';
import {
  ListCoverageCommand,
  ListFindingAggregationsCommand,
} from '@aws-sdk/client-inspector2';
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import {
  ECR_MODEL,
  INSPECTOR2_MODEL,
  TAGGING_MODEL,
} from './model/serviceModels';
import { generatedManifest } from './simulation/simulate';
import { untaggedExpiryRule } from './fixtureBuilders';
import { startLocalEcrApi, type LocalEcrApi } from './index';
import { upstreamRegistry } from './__fixtures__/upstreams';
import { ecrClient, inspectorClient } from './__testUtils__/clients';
import {
  allowStatement,
  policyDocument,
  policyText,
} from './__testUtils__/policyDocuments';

const ACCOUNT = '222222222222';
const DR = '444455556666';
const NOW = 1_767_225_600;
let api: LocalEcrApi;

beforeAll(async () => {
  api = await startLocalEcrApi({
    checkResponses: true,
    now: () => NOW,
    accounts: { AKIAE: ACCOUNT, AKIADR: DR },
    fixture: {
      upstreams: [
        upstreamRegistry('public.ecr.aws', {
          'nginx/nginx': [
            { kind: 'index', tags: ['1.27'], pushedAt: NOW - 86_400 },
          ],
        }),
      ],
      registries: [
        {
          accountId: ACCOUNT,
          region: 'eu-west-1',
          scanType: 'ENHANCED',
          scanningRules: [{ scanFrequency: 'CONTINUOUS_SCAN', filters: ['*'] }],
          secrets: [{ name: 'ecr-pullthroughcache/docker-hub-a1b2c3' }],
          repositories: [
            {
              name: 'team/big',
              tags: { service: 'big' },
              generate: { count: 300, seed: 3 },
            },
            {
              name: 'team/app',
              images: [
                {
                  tags: ['1.0.0'],
                  pushedAt: NOW - 3_600,
                  scan: {
                    findings: [
                      {
                        id: 'CVE-2024-1',
                        severity: 'UNTRIAGED',
                        package: 'zlib',
                        version: '1',
                      },
                    ],
                  },
                },
              ],
            },
          ],
        },
        {
          accountId: DR,
          region: 'us-east-1',
          registryPolicy: replicationGrant(),
        },
      ],
    },
  });
});
afterAll(() => api.stop());

function replicationGrant() {
  return policyDocument(
    allowStatement(
      'replication',
      `arn:aws:iam::${ACCOUNT}:root`,
      ['ecr:CreateRepository', 'ecr:ReplicateImage'],
      `arn:aws:ecr:us-east-1:${DR}:repository/*`,
    ),
  );
}

const client = () => ecrClient(api, 'AKIAE');
const lifecycle = JSON.stringify({
  rules: [
    untaggedExpiryRule({ description: 'expire untagged images after 14 days' }),
  ],
});
const repositoryPolicy = policyText(
  allowStatement('new statement', `arn:aws:iam::${DR}:root`, [
    'ecr:BatchGetImage',
  ]),
);

/** Operations that answered successfully at least once in the tour. */
const succeeded = new Set<string>();
/** Errors the tour met, by operation. */
const failed: string[] = [];

/** Every implemented operation, called with valid input (and some with invalid input too). */
async function tour(): Promise<void> {
  const c = client();
  const send = async (
    command: { constructor: { name: string } },
    via: ecr.ECRClient = c,
  ) => {
    const operation = command.constructor.name.replace(/Command$/, '');
    try {
      await via.send(command as never);
      succeeded.add(operation);
    } catch (error) {
      // the server checks each error against the operation's declared errors
      failed.push(`${operation}: ${(error as Error).name}`);
    }
  };
  const arn = `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/team/app`;
  const digest = [
    ...api.store
      .get(ACCOUNT, 'eu-west-1')
      .repositories.get('team/app')!
      .images.keys(),
  ][0];
  await send(
    new ecr.CreateRepositoryCommand({
      repositoryName: 'tour/repo',
      tags: [{ Key: 'a', Value: 'b' }],
    }),
  );
  await send(new ecr.CreateRepositoryCommand({ repositoryName: 'tour/repo' }));
  await send(new ecr.DescribeRepositoriesCommand({ maxResults: 1 }));
  await send(
    new ecr.DescribeRepositoriesCommand({ repositoryNames: ['missing/repo'] }),
  );
  await send(
    new ecr.TagResourceCommand({
      resourceArn: arn,
      tags: [{ Key: 'owner', Value: 'team' }],
    }),
  );
  await send(
    new ecr.TagResourceCommand({
      resourceArn: arn,
      tags: Array.from({ length: 60 }, (_, i) => ({ Key: `k${i}`, Value: '' })),
    }),
  );
  await send(
    new ecr.UntagResourceCommand({ resourceArn: arn, tagKeys: ['owner'] }),
  );
  await send(new ecr.ListTagsForResourceCommand({ resourceArn: arn }));
  await send(
    new ecr.PutImageTagMutabilityCommand({
      repositoryName: 'tour/repo',
      imageTagMutability: 'IMMUTABLE',
    }),
  );
  await send(
    new ecr.PutImageScanningConfigurationCommand({
      repositoryName: 'tour/repo',
      imageScanningConfiguration: { scanOnPush: true },
    }),
  );
  await send(
    new ecr.PutLifecyclePolicyCommand({
      repositoryName: 'team/app',
      lifecyclePolicyText: lifecycle,
    }),
  );
  await send(new ecr.GetLifecyclePolicyCommand({ repositoryName: 'team/app' }));
  await send(
    new ecr.StartLifecyclePolicyPreviewCommand({
      repositoryName: 'team/big',
      lifecyclePolicyText: lifecycle,
    }),
  );
  await send(
    new ecr.GetLifecyclePolicyPreviewCommand({
      repositoryName: 'team/big',
      maxResults: 5,
    }),
  );
  await send(
    new ecr.DeleteLifecyclePolicyCommand({ repositoryName: 'team/app' }),
  );
  await send(
    new ecr.DeleteLifecyclePolicyCommand({ repositoryName: 'team/app' }),
  );
  await send(
    new ecr.SetRepositoryPolicyCommand({
      repositoryName: 'team/app',
      policyText: repositoryPolicy,
    }),
  );
  await send(
    new ecr.GetRepositoryPolicyCommand({ repositoryName: 'team/app' }),
  );
  await send(
    new ecr.DeleteRepositoryPolicyCommand({ repositoryName: 'team/app' }),
  );
  await send(
    new ecr.DescribeImagesCommand({
      repositoryName: 'team/big',
      maxResults: 1000,
    }),
  );
  await send(
    new ecr.DescribeImagesCommand({
      repositoryName: 'team/app',
      imageIds: [{ imageTag: 'nope' }],
    }),
  );
  await send(
    new ecr.ListImagesCommand({
      repositoryName: 'team/big',
      filter: { tagStatus: 'TAGGED', imageStatus: 'ANY' },
    }),
  );
  await send(
    new ecr.BatchGetImageCommand({
      repositoryName: 'team/big',
      imageIds: [{ imageTag: 'nope' }, { imageDigest: 'bad' }],
    }),
  );
  await send(
    new ecr.DescribeImageScanFindingsCommand({
      repositoryName: 'team/app',
      imageId: { imageDigest: digest },
    }),
  );
  await send(new ecr.DescribeRegistryCommand({}));
  await send(new ecr.GetRegistryScanningConfigurationCommand({}));
  await send(
    new ecr.PutRegistryScanningConfigurationCommand({
      scanType: 'ENHANCED',
      rules: [
        {
          scanFrequency: 'CONTINUOUS_SCAN',
          repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }],
        },
      ],
    }),
  );
  await send(
    new ecr.BatchGetRepositoryScanningConfigurationCommand({
      repositoryNames: ['team/app', 'missing/repo'],
    }),
  );
  await send(
    new ecr.PutRegistryPolicyCommand({
      policyText: JSON.stringify(replicationGrant())
        .replaceAll(DR, ACCOUNT)
        .replace('us-east-1', 'eu-west-1'),
    }),
  );
  await send(new ecr.GetRegistryPolicyCommand({}));
  await send(new ecr.DeleteRegistryPolicyCommand({}));
  await send(new ecr.GetRegistryPolicyCommand({}));
  await send(
    new ecr.PutReplicationConfigurationCommand({
      replicationConfiguration: {
        rules: [
          {
            destinations: [{ region: 'us-east-1', registryId: DR }],
            repositoryFilters: [{ filter: 'tour', filterType: 'PREFIX_MATCH' }],
          },
        ],
      },
    }),
  );
  await send(
    new ecr.CreatePullThroughCacheRuleCommand({
      ecrRepositoryPrefix: 'ecr-public',
      upstreamRegistryUrl: 'public.ecr.aws',
    }),
  );
  await send(
    new ecr.CreatePullThroughCacheRuleCommand({
      ecrRepositoryPrefix: 'docker-hub',
      upstreamRegistryUrl: 'registry-1.docker.io',
      credentialArn: `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:ecr-pullthroughcache/docker-hub-a1b2c3`,
    }),
  );
  await send(new ecr.DescribePullThroughCacheRulesCommand({}));
  await send(
    new ecr.UpdatePullThroughCacheRuleCommand({
      ecrRepositoryPrefix: 'ecr-public',
      customRoleArn: `arn:aws:iam::${ACCOUNT}:role/x`,
    }),
  );
  await send(
    new ecr.ValidatePullThroughCacheRuleCommand({
      ecrRepositoryPrefix: 'ecr-public',
    }),
  );
  await send(
    new ecr.DeletePullThroughCacheRuleCommand({
      ecrRepositoryPrefix: 'docker-hub',
    }),
  );
  await send(
    new ecr.CreateRepositoryCreationTemplateCommand({
      prefix: 'ROOT',
      appliedFor: ['PULL_THROUGH_CACHE', 'REPLICATION'],
      lifecyclePolicy: lifecycle,
    }),
  );
  await send(
    new ecr.CreateRepositoryCreationTemplateCommand({
      prefix: 'ROOT',
      appliedFor: ['REPLICATION'],
    }),
  );
  await send(new ecr.DescribeRepositoryCreationTemplatesCommand({}));
  await send(
    new ecr.UpdateRepositoryCreationTemplateCommand({
      prefix: 'ROOT',
      description: 'every repository',
    }),
  );
  await send(
    new ecr.BatchGetImageCommand({
      repositoryName: 'ecr-public/nginx/nginx',
      imageIds: [{ imageTag: '1.27' }],
    }),
  );
  await send(
    new ecr.DeleteRepositoryCreationTemplateCommand({ prefix: 'ROOT' }),
  );
  await send(
    new ecr.PutImageCommand({
      repositoryName: 'tour/repo',
      imageManifest: generatedManifest('tour'),
      imageTag: '1',
    }),
  );
  await send(
    new ecr.PutImageCommand({
      repositoryName: 'tour/repo',
      imageManifest: generatedManifest('tour-2'),
      imageTag: '1',
    }),
  );
  await send(
    new ecr.DescribeImageReplicationStatusCommand({
      repositoryName: 'tour/repo',
      imageId: { imageTag: '1' },
    }),
  );
  await send(
    new ecr.StartImageScanCommand({
      repositoryName: 'tour/repo',
      imageId: { imageTag: '1' },
    }),
  );
  // Basic scanning (the replica in the DR registry) takes manual scans.
  await send(
    new ecr.StartImageScanCommand({
      repositoryName: 'tour/repo',
      imageId: { imageTag: '1' },
    }),
    ecrClient(api, 'AKIADR', 'us-east-1'),
  );
  await send(
    new ecr.BatchDeleteImageCommand({
      repositoryName: 'tour/repo',
      imageIds: [{ imageTag: '1' }, { imageTag: 'nope' }],
    }),
  );
  await send(new ecr.GetAuthorizationTokenCommand({}));
  await send(
    new ecr.DeleteRepositoryCommand({
      repositoryName: 'tour/repo',
      force: true,
    }),
  );
  await send(new ecr.DeleteRepositoryCommand({ repositoryName: 'team/big' }));
  const tagging = new ResourceGroupsTaggingAPIClient({
    endpoint: api.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIAE', secretAccessKey: 'local' },
  });
  await tagging.send(
    new GetResourcesCommand({
      TagFilters: [{ Key: 'service' }],
      ResourcesPerPage: 10,
    }),
  );
  const inspector = inspectorClient(api, 'AKIAE');
  await inspector.send(
    new ListFindingAggregationsCommand({
      aggregationType: 'AWS_ECR_CONTAINER',
      maxResults: 100,
    }),
  );
  await inspector.send(new ListCoverageCommand({ maxResults: 50 }));
  succeeded
    .add('GetResources')
    .add('ListFindingAggregations')
    .add('ListCoverage');
}

describe('fidelity to the service models', () => {
  beforeAll(tour);

  it('answers every operation with members, enums and constraints of its output shape only', () => {
    expect(api.responseViolations()).toEqual([]);
  });

  it('exercised every implemented operation successfully, and its errors', () => {
    const implemented = [ECR_MODEL, TAGGING_MODEL, INSPECTOR2_MODEL].flatMap(
      model => Object.keys(model.operations),
    );
    expect(implemented.filter(operation => !succeeded.has(operation))).toEqual(
      [],
    );
    expect(failed).toEqual([
      'CreateRepository: RepositoryAlreadyExistsException',
      'DescribeRepositories: RepositoryNotFoundException',
      'TagResource: TooManyTagsException',
      'DeleteLifecyclePolicy: LifecyclePolicyNotFoundException',
      'DescribeImages: ImageNotFoundException',
      'GetRegistryPolicy: RegistryPolicyNotFoundException',
      'CreateRepositoryCreationTemplate: TemplateAlreadyExistsException',
      'PutImage: ImageTagAlreadyExistsException',
      'StartImageScan: ValidationException',
      'DeleteRepository: RepositoryNotEmptyException',
    ]);
  });

  it('catches a response that breaks the model', async () => {
    // Seed data the model does not allow (a tag over 300 characters)…
    const image = [
      ...api.store
        .get(ACCOUNT, 'eu-west-1')
        .repositories.get('team/app')!
        .images.values(),
    ][0];
    image.imageTags = ['x'.repeat(301)];
    await client().send(
      new ecr.DescribeImagesCommand({ repositoryName: 'team/app' }),
    );
    // …is reported, naming the member and the constraint.
    expect(api.responseViolations()).toEqual([
      {
        operation: 'DescribeImages',
        violations: [
          {
            path: 'imageDetails.1.member.imageTags.1.member',
            kind: 'length',
            constraint: 'must have length less than or equal to 300',
          },
        ],
      },
    ]);
  });
});
