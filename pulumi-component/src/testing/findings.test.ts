// Issue 13 on the ECR simulator: each finding applied with the harness (the closest stand-in
// for `pulumi up` here), then played out — pulls through the cache, pushes that replicate —
// and asserted on what ECR answers.
import {
  DescribeImageReplicationStatusCommand,
  GetRepositoryPolicyCommand,
} from '@aws-sdk/client-ecr';
import * as aws from '@pulumi/aws';
import type { PullThroughCacheSettings } from '../index';
import {
  PullThroughCache,
  Registry,
  RegistryScanning,
  Replication,
  Repository,
} from '../index';
import {
  CI_PRINCIPALS,
  DR,
  MAIN,
  publicUpstreams,
  upstreamImage,
} from '../__fixtures__/upstreams';
import {
  describedRepository,
  expectCiCachesOnlyUnderEcrPublicDocker,
  expectPushReplicated,
  lifecyclePolicyOf,
  pullFromMain,
  registryScanningOf,
} from '../__testUtils__/simulator';
import type { SimulatedAws } from './index';
import { startSimulatedAws } from './index';

const UPSTREAM = '333333333333';
const DAY = 86_400;
let clock = 1_767_225_600;

let sim: SimulatedAws;
beforeEach(async () => {
  clock = 1_767_225_600;
  sim = await startSimulatedAws({
    accounts: [MAIN, DR, UPSTREAM],
    now: () => clock,
    fixture: {
      upstreams: publicUpstreams('latest'),
      registries: [
        {
          accountId: UPSTREAM,
          region: 'eu-west-1',
          repositories: [
            { name: 'base/python', images: [upstreamImage('3.12', 'd')] },
          ],
        },
      ],
      principals: CI_PRINCIPALS,
    },
  });
});
afterEach(() => sim.stop());

/** The main account's registry in eu-west-1, the default provider's. */
const mainRegistry = () =>
  new Registry('main', { accountId: MAIN, region: 'eu-west-1' });
/** A pull-through cache named `cache` in {@link mainRegistry}. */
const cache = (settings: PullThroughCacheSettings) =>
  new PullThroughCache('cache', { registry: mainRegistry(), ...settings });
const drProvider = (region = 'eu-central-1') =>
  new aws.Provider('dr', {
    region,
    assumeRoles: [{ roleArn: `arn:aws:iam::${DR}:role/deployer` }],
  });

describe('finding 1: creation templates that tag or encrypt have the role ECR needs', () => {
  it('a pull through the cache creates a standardized repository', async () => {
    const { failures } = await sim.up(() =>
      cache({
        rules: [
          { upstream: 'ecr-public' },
          {
            upstream: 'docker-hub',
            prefix: 'docker',
            credentials: { username: 'bot', accessToken: 'dckr_pat' },
          },
        ],
      }),
    );
    expect(failures).toEqual([]);
    for (const [name, tag] of [
      ['ecr-public/nginx/nginx', 'latest'],
      ['docker/library/redis', '7.4'],
    ]) {
      const pulled = pullFromMain(sim, name, tag);
      expect(pulled.repository.repositoryName).toBe(name);
      const repository = await describedRepository(
        sim,
        MAIN,
        'eu-west-1',
        name,
      );
      expect(repository.encryptionConfiguration).toEqual({
        encryptionType: 'AES256',
      });
      expect(repository.tags).toEqual([
        { Key: 'ecr-kit/standard', Value: 'v1' },
      ]);
      expect(await lifecyclePolicyOf(sim, name)).toContain('"countNumber":500');
    }
  });

  it('a push replicates to another account, whose repository comes from the standard template', async () => {
    const { failures } = await sim.up(() => {
      const main = mainRegistry();
      const dr = new Registry(
        'dr',
        { accountId: DR, region: 'eu-central-1' },
        { provider: drProvider() },
      );
      new Repository('api', { name: 'payments/api' });
      new Replication('dr', {
        source: main,
        rules: [{ destinations: [dr], repositoryPrefixes: ['payments/'] }],
        replicatedRepositories: { encryption: 'KMS', kmsKeyArn: drKey },
      });
    });
    expect(failures).toEqual([]);
    expectPushReplicated(sim, 'eu-west-1', 'eu-central-1');
    const copy = await describedRepository(
      sim,
      DR,
      'eu-central-1',
      'payments/api',
    );
    expect(copy).toMatchObject({
      imageTagMutability: 'IMMUTABLE',
      encryptionConfiguration: { encryptionType: 'KMS', kmsKey: drKey },
    });
    expect(copy.tags).toEqual([{ Key: 'ecr-kit/standard', Value: 'v1' }]);
  });
  const drKey = `arn:aws:kms:eu-central-1:${DR}:key/00000000-0000-4000-8000-000000000042`;
  beforeEach(() => sim.api.world.resources.putKmsKey(drKey));

  it('fails a template whose given role does not exist (the harness stands in for IAM)', async () => {
    const { failures } = await sim.up(() =>
      cache({
        rules: [{ upstream: 'ecr-public' }],
        cachedRepositories: {
          customRoleArn: `arn:aws:iam::${MAIN}:role/missing`,
        },
      }),
    );
    expect(failures).toEqual([
      {
        type: 'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate',
        name: 'cache-ecr-public-template',
        error: `InvalidParameterException: customRoleArn: the role arn:aws:iam::${MAIN}:role/missing does not exist`,
      },
    ]);
  });
});

describe('finding 2: cached tags follow the upstream', () => {
  const moveLatest = () =>
    sim.api.world.upstreams.add('public.ecr.aws', 'nginx/nginx', [
      {
        imageDigest: `sha256:${'e'.repeat(64)}`,
        imageTags: ['latest'],
        imageSizeInBytes: 1_000,
        imagePushedAt: clock,
        imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
        imageStatus: 'ACTIVE',
      },
    ]);
  it.each([
    [{}, 'MUTABLE', 'e'],
    [{ immutableTags: true }, 'IMMUTABLE', 'a'],
  ])(
    'with %j the cached repository is %s and serves digest %s… after the upstream moves latest',
    async (cachedRepositories, mutability, digest) => {
      const { failures } = await sim.up(() =>
        cache({ rules: [{ upstream: 'ecr-public' }], cachedRepositories }),
      );
      expect(failures).toEqual([]);
      const pullLatest = () =>
        pullFromMain(sim, 'ecr-public/nginx/nginx', 'latest');
      expect(pullLatest().repository).toMatchObject({
        imageTagMutability: mutability,
      });
      moveLatest();
      clock += 2 * DAY;
      expect(pullLatest().imageDigest).toBe(`sha256:${digest.repeat(64)}`);
    },
  );
});

describe('finding 3: lifecycle policies ECR refuses fail at construction, those it takes apply', () => {
  it('applies archive rules to a repository and to cached repositories', async () => {
    const { failures } = await sim.up(() => {
      const rules = [
        {
          tagStatus: 'untagged' as const,
          countType: 'sinceImagePushed' as const,
          countNumber: 7,
        },
        {
          tagStatus: 'tagged' as const,
          tagPatternList: ['release-*'],
          countType: 'sinceImagePulled' as const,
          countNumber: 90,
          action: 'transition' as const,
        },
        {
          tagStatus: 'any' as const,
          countType: 'sinceImageTransitioned' as const,
          countNumber: 365,
        },
      ];
      new Repository('web', { lifecycleRules: rules });
      cache({
        rules: [{ upstream: 'ecr-public' }],
        cachedRepositories: { lifecycleRules: rules },
      });
    });
    expect(failures).toEqual([]);
    pullFromMain(sim, 'ecr-public/nginx/nginx', 'latest');
    expect(await lifecyclePolicyOf(sim, 'ecr-public/nginx/nginx')).toContain(
      'sinceImagePulled',
    );
  });

  it.each([
    [
      'sinceImagePulled with the default expire action',
      [
        {
          tagStatus: 'untagged' as const,
          countType: 'sinceImagePulled' as const,
          countNumber: 30,
        },
      ],
      'lifecycleRules[0].action: rule 1: sinceImagePulled only archives images',
    ],
    [
      'two rules selecting untagged images',
      [
        {
          tagStatus: 'untagged' as const,
          countType: 'sinceImagePushed' as const,
          countNumber: 3,
        },
        {
          tagStatus: 'untagged' as const,
          countType: 'imageCountMoreThan' as const,
          countNumber: 10,
        },
      ],
      'lifecycleRules[1].tagStatus: rule 2: rule 1 already selects untagged standard images',
    ],
    [
      'two rules with the same tag-prefix set',
      [
        {
          tagStatus: 'tagged' as const,
          tagPrefixList: ['v'],
          countType: 'imageCountMoreThan' as const,
          countNumber: 10,
        },
        {
          tagStatus: 'tagged' as const,
          tagPrefixList: ['v'],
          countType: 'sinceImagePushed' as const,
          countNumber: 30,
        },
      ],
      'lifecycleRules[1].tagPrefixList: rule 2: rule 1 selects the same tagPrefixList ["v"]',
    ],
  ])('refuses %s before ECR does', async (_, lifecycleRules, message) => {
    await expect(
      sim.up(() => new Repository('web', { lifecycleRules })),
    ).rejects.toThrow(`Repository "web": ${message}`);
  });
});

describe('finding 4: an ECR upstream in another account', () => {
  it('is read through the role ecr-kit creates', async () => {
    const { failures, resources } = await sim.up(
      () =>
        new PullThroughCache('golden', {
          registry: mainRegistry(),
          rules: [
            {
              upstream: 'ecr',
              prefix: 'golden',
              upstreamUrl: `${UPSTREAM}.dkr.ecr.eu-west-1.amazonaws.com`,
            },
          ],
        }),
    );
    expect(failures).toEqual([]);
    const role = resources.find(r => r.name === 'golden-golden-upstream');
    expect(role?.type).toBe('aws:iam/role:Role');
    expect(pullFromMain(sim, 'golden/base/python', '3.12').imageDigest).toBe(
      `sha256:${'d'.repeat(64)}`,
    );
  });
});

describe('finding 6: one owner per registry-wide setting', () => {
  it('fails a Registry whose provider is for another account, and writes nothing there', async () => {
    const { failures } = await sim.up(() => {
      // The default provider's credentials are for MAIN.
      const wrong = new Registry('wrong', {
        accountId: DR,
        region: 'eu-west-1',
      });
      new RegistryScanning('scan', { registry: wrong, scanType: 'ENHANCED' });
    });
    expect(failures.map(f => f.error)).toContainEqual(
      expect.stringContaining(
        `Registry "wrong": accountId: the provider's credentials are for account ${MAIN}, not ${DR}`,
      ),
    );
    expect((await registryScanningOf(sim))?.scanType).toBe('BASIC');
  });

  it('shares claims between two copies of the package in one process', () => {
    const copies: (typeof import('../registryClaims'))[] = [];
    for (let i = 0; i < 2; i++) {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        copies.push(require('../registryClaims'));
      });
    }
    expect(copies[0]).not.toBe(copies[1]);
    copies[0].claimRegistryScoped('registry:x', 'Registry "one"', 'x', 'fix');
    expect(() =>
      copies[1].claimRegistryScoped('registry:x', 'Registry "two"', 'x', 'fix'),
    ).toThrow('x is already managed by Registry "one" in this program');
  });
});

describe('finding 7: partitions', () => {
  it('replicates across accounts in GovCloud with GovCloud ARNs in the grant', async () => {
    const { failures } = await sim.up(() => {
      const main = new Registry(
        'gov',
        { accountId: MAIN, region: 'us-gov-west-1' },
        { provider: new aws.Provider('gov', { region: 'us-gov-west-1' }) },
      );
      const dr = new Registry(
        'gov-dr',
        { accountId: DR, region: 'us-gov-east-1' },
        { provider: drProvider('us-gov-east-1') },
      );
      new Repository('api', {
        name: 'payments/api',
        region: 'us-gov-west-1',
        pullAccounts: [DR],
      });
      new Replication('dr', { source: main, rules: [{ destinations: [dr] }] });
    });
    expect(failures).toEqual([]);
    expectPushReplicated(sim, 'us-gov-west-1', 'us-gov-east-1');
    const policy = await sim
      .ecr(MAIN, 'us-gov-west-1')
      .send(new GetRepositoryPolicyCommand({ repositoryName: 'payments/api' }));
    expect(policy.policyText).toContain(`arn:aws-us-gov:iam::${DR}:root`);
    const statuses = await sim.ecr(MAIN, 'us-gov-west-1').send(
      new DescribeImageReplicationStatusCommand({
        repositoryName: 'payments/api',
        imageId: { imageTag: '1.0.0' },
      }),
    );
    expect(statuses.replicationStatuses?.[0].status).toBe('COMPLETE');
  });

  it('outputs China ARNs and URIs', async () => {
    let repository: Repository | undefined;
    await sim.up(() => {
      repository = new Repository('api', {
        name: 'payments/api',
        region: 'cn-north-1',
      });
    });
    const [arn, url] = await Promise.all(
      [repository!.arn, repository!.repositoryUrl].map(
        o => new Promise(resolve => o.apply(resolve)),
      ),
    );
    expect(arn).toBe(
      `arn:aws-cn:ecr:cn-north-1:${MAIN}:repository/payments/api`,
    );
    expect(url).toBe(
      `${MAIN}.dkr.ecr.cn-north-1.amazonaws.com.cn/payments/api`,
    );
  });
});

describe('finding 8: statement ids ECR accepts', () => {
  it('sets a repository policy whose Sid has spaces and hyphens', async () => {
    const { failures } = await sim.up(
      () =>
        new Repository('api', {
          name: 'payments/api',
          policyStatements: [
            {
              Sid: 'new statement',
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${DR}:root` },
              Action: ['ecr:BatchGetImage'],
            },
            {
              Sid: 'allow-statement',
              Effect: 'Deny',
              Principal: '*',
              Action: ['ecr:DeleteRepository'],
            },
          ],
        }),
    );
    expect(failures).toEqual([]);
  });
});

describe('finding 9: a grant narrower than the cache namespace', () => {
  it('lets the CI role cache under ecr-public/docker only', async () => {
    const { failures } = await sim.up(() =>
      cache({
        rules: [{ upstream: 'ecr-public' }],
        grants: [
          {
            principals: [`arn:aws:iam::${MAIN}:role/ci`],
            repositories: 'ecr-public/docker',
          },
        ],
      }),
    );
    expect(failures).toEqual([]);
    expectCiCachesOnlyUnderEcrPublicDocker(sim);
  });
});

describe('ordering: a rule waits for what ECR reads when it creates the rule', () => {
  it('creates the cache rule only after its secret has a value', async () => {
    const { failures, resources } = await sim.up(() =>
      cache({
        rules: [
          {
            upstream: 'docker-hub',
            credentials: { username: 'bot', accessToken: 'dckr_pat' },
          },
        ],
        skipCreationTemplates: true,
      }),
    );
    expect(failures).toEqual([]);
    const order = resources.map(r => r.type);
    expect(
      order.indexOf('aws:secretsmanager/secretVersion:SecretVersion'),
    ).toBeLessThan(
      order.indexOf('aws:ecr/pullThroughCacheRule:PullThroughCacheRule'),
    );
  });
});
