// The platform program applied to the ECR simulator (the closest stand-in for `pulumi up`
// without the Pulumi CLI), then played out: pulls through both cache rules, pushes that
// replicate to the DR account.
import {
  DescribeImageReplicationStatusCommand,
  DescribeRepositoriesCommand,
  GetLifecyclePolicyCommand,
  GetRegistryScanningConfigurationCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-ecr';
import type { SimulatedAws, UpResult } from '@ecr-kit/pulumi/testing';
import { startSimulatedAws } from '@ecr-kit/pulumi/testing';

const MAIN = '111111111111';
const DR = '222222222222';
const upstreamImage = (tag: string, digest: string) => ({
  tags: [tag],
  digest: `sha256:${digest.repeat(64)}`,
  pushedAt: '2025-11-01T00:00:00Z',
});

let sim: SimulatedAws;
let applied: UpResult;
beforeAll(async () => {
  sim = await startSimulatedAws({
    accounts: [MAIN, DR],
    project: 'ecr-platform',
    config: { 'ecr-platform:dockerHubToken': 'dckr_pat_test' },
    secretConfigKeys: ['ecr-platform:dockerHubToken'],
    fixture: {
      upstreams: [
        {
          url: 'public.ecr.aws',
          repositories: [
            { name: 'nginx/nginx', images: [upstreamImage('1.27', 'a')] },
          ],
        },
        {
          url: 'registry-1.docker.io',
          repositories: [
            { name: 'library/redis', images: [upstreamImage('7.4', 'b')] },
          ],
        },
      ],
      principals: {
        AKIACI: {
          accountId: MAIN,
          arn: `arn:aws:iam::${MAIN}:role/ci`,
          allow: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        },
      },
    },
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  applied = await sim.up(() => require('./index'));
});
afterAll(() => sim.stop());

const describeRepository = async (
  accountId: string,
  region: string,
  name: string,
) => {
  const client = sim.ecr(accountId, region);
  const repository = (
    await client.send(
      new DescribeRepositoriesCommand({ repositoryNames: [name] }),
    )
  ).repositories![0];
  const { tags } = await client.send(
    new ListTagsForResourceCommand({ resourceArn: repository.repositoryArn }),
  );
  return { ...repository, tags };
};

describe('the platform program on the ECR simulator', () => {
  it('applies without a refusal', () => {
    expect(applied.failures).toEqual([]);
    const count = (type: string) =>
      applied.resources.filter(r => r.type === type).length;
    expect(count('aws:ecr/repository:Repository')).toBe(3);
    expect(count('aws:ecr/pullThroughCacheRule:PullThroughCacheRule')).toBe(2);
    expect(
      count('aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate'),
    ).toBe(3);
    expect(count('aws:iam/role:Role')).toBe(2);
  });

  it.each([
    ['ecr-public/nginx/nginx', '1.27'],
    ['docker/library/redis', '7.4'],
  ])(
    'a CI pull of %s creates a standardized cached repository',
    async (name, tag) => {
      const pulled = sim.api.simulate.pull({
        accountId: MAIN,
        region: 'eu-west-1',
        repositoryName: name,
        tag,
        accessKeyId: 'AKIACI',
      });
      expect(pulled.imageDigest).toMatch(/^sha256:/);
      expect(await describeRepository(MAIN, 'eu-west-1', name)).toMatchObject({
        imageTagMutability: 'MUTABLE',
        encryptionConfiguration: { encryptionType: 'AES256' },
        tags: [{ Key: 'ecr-kit/standard', Value: 'v1' }],
      });
      const lifecycle = await sim
        .ecr(MAIN)
        .send(new GetLifecyclePolicyCommand({ repositoryName: name }));
      expect(JSON.parse(lifecycle.lifecyclePolicyText!).rules).toHaveLength(2);
    },
  );

  it.each(['payments/api', 'payments/ledger', 'storefront/web'])(
    'a push to %s replicates to the DR account and Region',
    async name => {
      const pushed = sim.api.simulate.push({
        accountId: MAIN,
        region: 'eu-west-1',
        repositoryName: name,
        tag: 'latest',
        revision: '1',
      });
      expect(pushed.replicationStatuses).toEqual([
        { region: 'eu-central-1', registryId: DR, status: 'COMPLETE' },
      ]);
      const statuses = await sim.ecr(MAIN).send(
        new DescribeImageReplicationStatusCommand({
          repositoryName: name,
          imageId: { imageDigest: pushed.imageDigest },
        }),
      );
      expect(statuses.replicationStatuses?.[0].status).toBe('COMPLETE');
      expect(await describeRepository(DR, 'eu-central-1', name)).toMatchObject({
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        tags: [{ Key: 'ecr-kit/standard', Value: 'v1' }],
      });
    },
  );

  it('moves latest of storefront/web in the DR copy too', () => {
    const again = sim.api.simulate.push({
      accountId: MAIN,
      region: 'eu-west-1',
      repositoryName: 'storefront/web',
      tag: 'latest',
      revision: '2',
    });
    expect(again.replicationStatuses[0].status).toBe('COMPLETE');
  });

  it('scans every repository on push and payments continuously', async () => {
    const { scanningConfiguration } = await sim
      .ecr(MAIN)
      .send(new GetRegistryScanningConfigurationCommand({}));
    expect(scanningConfiguration?.scanType).toBe('ENHANCED');
    expect(scanningConfiguration?.rules?.map(r => r.scanFrequency)).toEqual([
      'CONTINUOUS_SCAN',
      'SCAN_ON_PUSH',
    ]);
  });
});
