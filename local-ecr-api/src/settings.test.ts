import {
  DeleteLifecyclePolicyCommand,
  DeleteRepositoryCommand,
  DescribePullThroughCacheRulesCommand,
  DescribeRegistryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  LifecyclePolicyNotFoundException,
  ListTagsForResourceCommand,
  PutImageScanningConfigurationCommand,
  PutImageTagMutabilityCommand,
  PutLifecyclePolicyCommand,
  RepositoryNotEmptyException,
  RepositoryPolicyNotFoundException,
  SetRepositoryPolicyCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-ecr';
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
  paginateGetResources,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { untaggedExpiryRule } from './fixtureBuilders';
import { startLocalEcrApi, type LocalEcrApi } from './index';
import { fixture } from './__fixtures__/testFixture';
import { registryScanningConfiguration } from './__testUtils__/clients';
import { allowStatement, policyText } from './__testUtils__/policyDocuments';

let api: LocalEcrApi;
const options = () => ({
  endpoint: api.url,
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIAENHANCED', secretAccessKey: 'local' },
});
const repositoryName = 'team/payments';
const arn = 'arn:aws:ecr:us-east-1:222222222222:repository/team/payments';

beforeAll(async () => {
  api = await startLocalEcrApi({ fixture });
});
afterAll(() => api.stop());

describe('repository settings', () => {
  const ecr = () => new ECRClient(options());

  it('changes tag mutability with exclusion filters and scan on push', async () => {
    await expect(
      ecr().send(
        new PutImageTagMutabilityCommand({
          repositoryName,
          imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
          imageTagMutabilityExclusionFilters: [
            { filterType: 'WILDCARD', filter: 'latest*' },
          ],
        }),
      ),
    ).resolves.toMatchObject({
      imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
    });
    await ecr().send(
      new PutImageScanningConfigurationCommand({
        repositoryName,
        imageScanningConfiguration: { scanOnPush: false },
      }),
    );
    const { repositories } = await ecr().send(
      new DescribeRepositoriesCommand({ repositoryNames: [repositoryName] }),
    );
    expect(repositories?.[0]).toMatchObject({
      imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      imageTagMutabilityExclusionFilters: [
        { filterType: 'WILDCARD', filter: 'latest*' },
      ],
      imageScanningConfiguration: { scanOnPush: false },
    });
    await expect(
      ecr().send(
        new PutImageTagMutabilityCommand({
          repositoryName,
          imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        }),
      ),
    ).rejects.toThrow(/exclusionFilters/i);
  });

  it('stores, returns and deletes a lifecycle policy, with ECR errors', async () => {
    await expect(
      ecr().send(new GetLifecyclePolicyCommand({ repositoryName })),
    ).rejects.toThrow(LifecyclePolicyNotFoundException);
    await expect(
      ecr().send(
        new PutLifecyclePolicyCommand({
          repositoryName,
          lifecyclePolicyText: '{}',
        }),
      ),
    ).rejects.toThrow(
      "Invalid parameter at 'lifecyclePolicyText' failed to satisfy constraint: 'must have length greater than or equal to 100'",
    );
    const text = JSON.stringify({
      rules: [
        untaggedExpiryRule({
          description: 'expire untagged images after 14 days',
        }),
      ],
    });
    await ecr().send(
      new PutLifecyclePolicyCommand({
        repositoryName,
        lifecyclePolicyText: text,
      }),
    );
    await expect(
      ecr().send(new GetLifecyclePolicyCommand({ repositoryName })),
    ).resolves.toMatchObject({
      lifecyclePolicyText: text,
      registryId: '222222222222',
    });
    await ecr().send(new DeleteLifecyclePolicyCommand({ repositoryName }));
    await expect(
      ecr().send(new DeleteLifecyclePolicyCommand({ repositoryName })),
    ).rejects.toThrow(LifecyclePolicyNotFoundException);
  });

  it('stores and returns a repository policy', async () => {
    await expect(
      ecr().send(new GetRepositoryPolicyCommand({ repositoryName })),
    ).rejects.toThrow(RepositoryPolicyNotFoundException);
    const policy = policyText(
      allowStatement('new statement', 'arn:aws:iam::111111111111:root', [
        'ecr:BatchGetImage',
        'ecr:GetDownloadUrlForLayer',
      ]),
    );
    await ecr().send(
      new SetRepositoryPolicyCommand({ repositoryName, policyText: policy }),
    );
    await expect(
      ecr().send(new GetRepositoryPolicyCommand({ repositoryName })),
    ).resolves.toMatchObject({ policyText: policy });
    await expect(
      ecr().send(
        new SetRepositoryPolicyCommand({ repositoryName, policyText: 'nope' }),
      ),
    ).rejects.toThrow(/Invalid repository policy/);
  });

  it('refuses to delete a repository with images unless forced', async () => {
    await expect(
      ecr().send(
        new DeleteRepositoryCommand({ repositoryName: 'team/many-findings' }),
      ),
    ).rejects.toThrow(RepositoryNotEmptyException);
  });
});

describe('registry settings', () => {
  const ecr = () => new ECRClient(options());

  it('describes the registry, its scanning configuration and pull-through cache rules', async () => {
    await expect(
      ecr().send(new DescribeRegistryCommand({})),
    ).resolves.toMatchObject({
      registryId: '222222222222',
      replicationConfiguration: { rules: [] },
    });
    expect(await registryScanningConfiguration(ecr())).toMatchObject({
      scanType: 'ENHANCED',
      rules: [
        {
          scanFrequency: 'CONTINUOUS_SCAN',
          repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }],
        },
      ],
    });
    const { pullThroughCacheRules } = await ecr().send(
      new DescribePullThroughCacheRulesCommand({}),
    );
    expect(pullThroughCacheRules).toEqual([
      expect.objectContaining({
        ecrRepositoryPrefix: 'ecr-public',
        upstreamRegistryUrl: 'public.ecr.aws',
      }),
    ]);
  });
});

describe('tags', () => {
  const ecr = () => new ECRClient(options());
  const tagging = () => new ResourceGroupsTaggingAPIClient(options());

  it('tags and untags with capitalised Key/Value', async () => {
    await ecr().send(
      new TagResourceCommand({
        resourceArn: arn,
        tags: [{ Key: 'team', Value: 'core' }],
      }),
    );
    await ecr().send(
      new UntagResourceCommand({ resourceArn: arn, tagKeys: ['service'] }),
    );
    const { tags } = await ecr().send(
      new ListTagsForResourceCommand({ resourceArn: arn }),
    );
    expect(tags).toEqual([
      { Key: 'backstage.io/entity-ref', Value: 'component:default/payments' },
      { Key: 'team', Value: 'core' },
    ]);
  });

  it('finds repositories by tag through the Resource Groups Tagging API', async () => {
    const result = await tagging().send(
      new GetResourcesCommand({
        ResourceTypeFilters: ['ecr:repository'],
        TagFilters: [
          {
            Key: 'backstage.io/entity-ref',
            Values: ['component:default/payments'],
          },
        ],
      }),
    );
    expect(result.ResourceTagMappingList?.map(r => r.ResourceARN)).toEqual([
      arn,
    ]);
    expect(result.PaginationToken).toBe('');
    await expect(
      tagging().send(new GetResourcesCommand({ ResourceTypeFilters: ['s3'] })),
    ).resolves.toMatchObject({ ResourceTagMappingList: [] });
  });

  it('pages GetResources with PaginationToken', async () => {
    const arns: string[] = [];
    for await (const page of paginateGetResources(
      { client: tagging() },
      { ResourceTypeFilters: ['ecr:repository'], ResourcesPerPage: 1 },
    )) {
      arns.push(
        ...(page.ResourceTagMappingList ?? []).map(r => r.ResourceARN!),
      );
    }
    expect(arns).toHaveLength(3);
  });
});
