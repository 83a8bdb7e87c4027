import { components, created, ofType, one, reset, settled } from './mocks';
import * as aws from '@pulumi/aws';
import {
  EcrStandardError,
  PullThroughCache,
  Registry,
  RegistryScanning,
  Replication,
} from '../src';
import type {
  PullThroughCacheArgs,
  RegistryScanningArgs,
  ReplicationArgs,
} from '../src';

const PTC = 'aws:ecr/pullThroughCacheRule:PullThroughCacheRule';
const TEMPLATE =
  'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate';
const SECRET = 'aws:secretsmanager/secret:Secret';
const SECRET_VERSION = 'aws:secretsmanager/secretVersion:SecretVersion';
const REGISTRY_POLICY = 'aws:ecr/registryPolicy:RegistryPolicy';
const REPLICATION = 'aws:ecr/replicationConfiguration:ReplicationConfiguration';
const SCANNING =
  'aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration';

const main = { accountId: '111111111111', region: 'eu-west-1' };
const dr = { accountId: '222222222222', region: 'eu-central-1' };
const secretArn =
  'arn:aws:secretsmanager:eu-west-1:111111111111:secret:ecr-pullthroughcache/docker-hub-AbCdEf';

beforeEach(reset);

describe('PullThroughCache', () => {
  it('creates rules for every upstream with the standard creation template', async () => {
    const cache = new PullThroughCache('cache', {
      registry: main,
      rules: [
        { upstream: 'ecr-public' },
        { upstream: 'quay' },
        { upstream: 'k8s' },
        { upstream: 'docker-hub', credentialArn: secretArn },
        {
          upstream: 'github',
          credentials: { username: 'bot', accessToken: 'ghp_x' },
        },
        {
          upstream: 'gitlab',
          credentials: {
            username: 'bot',
            accessToken: 'glpat',
            secretName: 'ecr-pullthroughcache/gl',
          },
        },
        {
          upstream: 'azure',
          upstreamUrl: 'myregistry.azurecr.io',
          credentialArn: secretArn,
        },
        { upstream: 'chainguard', credentialArn: secretArn },
        {
          upstream: 'ecr',
          prefix: 'upstream-ecr',
          upstreamUrl: '333333333333.dkr.ecr.us-east-1.amazonaws.com',
          upstreamRepositoryPrefix: 'base',
          customRoleArn: 'arn:aws:iam::111111111111:role/ptc',
        },
      ],
    });
    await settled(cache);
    expect(components.map(c => c.type)).toEqual([
      'ecr-kit:index:PullThroughCache',
    ]);
    const byRuleName = (a: { name: string }, b: { name: string }) =>
      cache.prefixes.indexOf(a.name.slice(6)) -
      cache.prefixes.indexOf(b.name.slice(6));
    expect(
      [...ofType(PTC)]
        .sort(byRuleName)
        .map(r => [
          r.name,
          r.inputs.ecrRepositoryPrefix,
          r.inputs.upstreamRegistryUrl,
        ]),
    ).toEqual([
      ['cache-ecr-public', 'ecr-public', 'public.ecr.aws'],
      ['cache-quay', 'quay', 'quay.io'],
      ['cache-k8s', 'k8s', 'registry.k8s.io'],
      ['cache-docker-hub', 'docker-hub', 'registry-1.docker.io'],
      ['cache-github', 'github', 'ghcr.io'],
      ['cache-gitlab', 'gitlab', 'registry.gitlab.com'],
      ['cache-azure', 'azure', 'myregistry.azurecr.io'],
      ['cache-chainguard', 'chainguard', 'cgr.dev'],
      [
        'cache-upstream-ecr',
        'upstream-ecr',
        '333333333333.dkr.ecr.us-east-1.amazonaws.com',
      ],
    ]);
    const byName = Object.fromEntries(ofType(PTC).map(r => [r.name, r.inputs]));
    expect(byName['cache-ecr-public']).toEqual({
      ecrRepositoryPrefix: 'ecr-public',
      upstreamRegistryUrl: 'public.ecr.aws',
      region: 'eu-west-1',
    });
    expect(byName['cache-docker-hub'].credentialArn).toBe(secretArn);
    expect(byName['cache-github'].credentialArn).toBe(
      'arn:aws:secretsmanager:eu-west-1:111111111111:secret/ecr-pullthroughcache/github',
    );
    expect(byName['cache-upstream-ecr']).toEqual(
      expect.objectContaining({
        upstreamRepositoryPrefix: 'base',
        customRoleArn: 'arn:aws:iam::111111111111:role/ptc',
      }),
    );
    expect(ofType(SECRET).map(r => [r.name, r.inputs.name])).toEqual([
      ['cache-github-credentials', 'ecr-pullthroughcache/github'],
      ['cache-gitlab-credentials', 'ecr-pullthroughcache/gl'],
    ]);
    expect(ofType(SECRET_VERSION)).toHaveLength(2);
    const secretString = ofType(SECRET_VERSION)[0].inputs.secretString;
    expect(
      JSON.parse(
        typeof secretString === 'string' ? secretString : secretString.value,
      ),
    ).toEqual({ username: 'bot', accessToken: 'ghp_x' });

    const templates = ofType(TEMPLATE);
    expect(templates).toHaveLength(9);
    expect(templates[0].name).toBe('cache-ecr-public-template');
    expect(templates[0].inputs).toEqual({
      prefix: 'ecr-public',
      appliedFors: ['PULL_THROUGH_CACHE'],
      description:
        'ecr-kit standard for repositories cached from public.ecr.aws',
      imageTagMutability: 'IMMUTABLE',
      encryptionConfigurations: [{ encryptionType: 'AES256' }],
      lifecyclePolicy: expect.stringContaining('"tagStatus":"untagged"'),
      resourceTags: { 'ecr-kit/standard': 'v1' },
      region: 'eu-west-1',
    });
    expect(cache.prefixes).toHaveLength(9);
    expect(
      cache.registryContributions()[0].contribution.policyStatements,
    ).toEqual([]);
  });

  it('applies template options and can skip templates', async () => {
    const cache = new PullThroughCache('cache', {
      registry: main,
      rules: [{ upstream: 'ecr-public', prefix: 'public' }],
      cachedRepositories: {
        kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k',
        mutableTagFilters: ['latest'],
        skipLifecyclePolicy: true,
        customRoleArn: 'arn:aws:iam::111111111111:role/template',
      },
    });
    await settled(cache);
    const inputs = one(TEMPLATE).inputs;
    expect(inputs.encryptionConfigurations).toEqual([
      {
        encryptionType: 'KMS',
        kmsKey: 'arn:aws:kms:eu-west-1:111111111111:key/k',
      },
    ]);
    expect(inputs.imageTagMutability).toBe('IMMUTABLE_WITH_EXCLUSION');
    expect(inputs.imageTagMutabilityExclusionFilters).toEqual([
      { filter: 'latest', filterType: 'WILDCARD' },
    ]);
    expect(inputs.lifecyclePolicy).toBeUndefined();
    expect(inputs.customRoleArn).toBe(
      'arn:aws:iam::111111111111:role/template',
    );

    reset();
    const bare = new PullThroughCache('bare', {
      registry: main,
      rules: [{ upstream: 'k8s' }],
      skipCreationTemplates: true,
    });
    await settled(bare);
    expect(ofType(TEMPLATE)).toHaveLength(0);
    expect(ofType(PTC)).toHaveLength(1);
  });

  it('scopes principals to the namespaces through the registry policy', async () => {
    const cache = new PullThroughCache('cache', {
      registry: main,
      rules: [
        { upstream: 'docker-hub', prefix: 'docker', credentialArn: secretArn },
      ],
      allowedPrincipals: ['333333333333', 'arn:aws:iam::111111111111:role/ci'],
    });
    const registry = new Registry('main', { ...main, contributors: [cache] });
    await settled(cache, registry);
    const policy = one(REGISTRY_POLICY);
    expect(policy.name).toBe('main-policy');
    expect(policy.inputs.region).toBe('eu-west-1');
    expect(JSON.parse(policy.inputs.policy)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PullThroughCacheDocker',
          Effect: 'Allow',
          Principal: {
            AWS: [
              'arn:aws:iam::333333333333:root',
              'arn:aws:iam::111111111111:role/ci',
            ],
          },
          Action: ['ecr:CreateRepository', 'ecr:BatchImportUpstreamImage'],
          Resource: 'arn:aws:ecr:eu-west-1:111111111111:repository/docker/*',
        },
      ],
    });
    expect(ofType(REPLICATION)).toHaveLength(0);
    expect(ofType(SCANNING)).toHaveLength(0);
  });

  test.each<[string, Partial<PullThroughCacheArgs>, string]>([
    ['no rules', { rules: [] }, 'rules: no pull-through cache rule given'],
    [
      'a bad registry',
      { registry: { accountId: '1', region: 'eu-west-1' } },
      'registry.accountId: "1" is not an AWS account ID',
    ],
    [
      'an unknown upstream',
      { rules: [{ upstream: 'harbor' as 'quay' }] },
      'rules[0].upstream: upstream "harbor" is not supported',
    ],
    [
      'Docker Hub without credentials',
      { rules: [{ upstream: 'docker-hub' }] },
      'rules[0].credentials: docker-hub rule: docker-hub needs upstream credentials',
    ],
    [
      'credentials for ECR Public',
      { rules: [{ upstream: 'ecr-public', credentialArn: secretArn }] },
      'ecr-public does not take credentials',
    ],
    [
      'both credential kinds',
      {
        rules: [
          {
            upstream: 'github',
            credentialArn: secretArn,
            credentials: { username: 'a', accessToken: 'b' },
          },
        ],
      },
      'give credentialArn or credentials, not both',
    ],
    [
      'a secret outside the prefix',
      {
        rules: [
          {
            upstream: 'github',
            credentialArn:
              'arn:aws:secretsmanager:eu-west-1:111111111111:secret:gh',
          },
        ],
      },
      'is not the ARN of an "ecr-pullthroughcache/" secret',
    ],
    [
      'a badly named secret',
      {
        rules: [
          {
            upstream: 'github',
            credentials: { username: 'a', accessToken: 'b', secretName: 'gh' },
          },
        ],
      },
      'rules[0].credentials.secretName: github rule: secret name "gh" does not start with "ecr-pullthroughcache/"; name it "ecr-pullthroughcache/gh"',
    ],
    [
      'a bad prefix',
      { rules: [{ upstream: 'quay', prefix: 'Quay!' }] },
      'rules[0].prefix: quay rule: namespace prefix "Quay!" is not valid',
    ],
    [
      'a long prefix',
      { rules: [{ upstream: 'quay', prefix: 'q'.repeat(31) }] },
      'is not valid',
    ],
    [
      'a reserved prefix',
      { rules: [{ upstream: 'quay', prefix: 'aws-quay' }] },
      'namespace prefix "aws-quay" is reserved',
    ],
    [
      'a duplicate prefix',
      {
        rules: [
          { upstream: 'quay', prefix: 'x1' },
          { upstream: 'k8s', prefix: 'x1' },
        ],
      },
      'rules[1].prefix: k8s rule: namespace prefix "x1" is already used by rules[0]',
    ],
    [
      'Azure without URL',
      { rules: [{ upstream: 'azure', credentialArn: secretArn }] },
      'rules[0].upstreamUrl: azure rule: upstream URL undefined is missing or malformed; give the registry host, e.g. "myregistry.azurecr.io"',
    ],
    [
      'a wrong fixed URL',
      { rules: [{ upstream: 'quay', upstreamUrl: 'quay.example.com' }] },
      'the quay upstream is always "quay.io"',
    ],
    [
      'ECR options elsewhere',
      { rules: [{ upstream: 'quay', upstreamRepositoryPrefix: 'x' }] },
      'upstreamRepositoryPrefix and customRoleArn only apply to ECR upstreams',
    ],
    [
      'a bad principal',
      { rules: [{ upstream: 'k8s' }], allowedPrincipals: ['dev-team'] },
      'allowedPrincipals[0]: "dev-team" is not an AWS account ID',
    ],
    [
      'a template KMS without key',
      {
        rules: [{ upstream: 'k8s' }],
        cachedRepositories: { encryption: 'KMS' },
      },
      'kmsKeyArn: KMS encryption was asked for without a key',
    ],
    [
      'a template AES256 with key',
      {
        rules: [{ upstream: 'k8s' }],
        cachedRepositories: { encryption: 'AES256', kmsKeyArn: 'k' },
      },
      'kmsKeyArn: a KMS key was given but encryption is AES256',
    ],
    [
      'a bad template filter',
      {
        rules: [{ upstream: 'k8s' }],
        cachedRepositories: { mutableTagFilters: ['a/b'] },
      },
      'mutableTagFilters[0]: "a/b" is not a valid exclusion filter',
    ],
  ])('rejects %s', (_, args, message) => {
    const make = () =>
      new PullThroughCache('cache', {
        registry: main,
        rules: [{ upstream: 'k8s' }],
        ...args,
      } as PullThroughCacheArgs);
    expect(make).toThrow(EcrStandardError);
    expect(make).toThrow(message);
  });

  it('refuses a namespace another component already caches into', async () => {
    await settled(
      new PullThroughCache('one', {
        registry: main,
        rules: [{ upstream: 'k8s' }],
      }),
    );
    expect(
      () =>
        new PullThroughCache('two', {
          registry: main,
          rules: [{ upstream: 'k8s' }],
        }),
    ).toThrow(
      'PullThroughCache "two": pull-through cache namespace "k8s" of registry 111111111111/eu-west-1: pull-through cache namespace "k8s" of registry 111111111111/eu-west-1 is already managed by PullThroughCache "one" in this program',
    );
  });
});

describe('Replication across two accounts', () => {
  it('puts rules in the source registry and grants and templates in the destination account', async () => {
    const source = new aws.Provider('source', { region: main.region });
    const drProvider = new aws.Provider('dr', { region: dr.region });
    const replication = new Replication(
      'dr',
      {
        source: main,
        rules: [
          {
            destinations: [{ ...dr, provider: drProvider }],
            repositoryPrefixes: ['team-a/', 'team-b/'],
          },
          {
            destinations: [{ accountId: main.accountId, region: 'us-east-1' }],
          },
        ],
      },
      { provider: source },
    );
    const primary = new Registry(
      'primary',
      { ...main, contributors: [replication] },
      { provider: source },
    );
    const disaster = new Registry(
      'disaster',
      { ...dr, contributors: [replication] },
      { provider: drProvider },
    );
    const sameAccount = new Registry(
      'us-east-1',
      {
        accountId: main.accountId,
        region: 'us-east-1',
        contributors: [replication],
      },
      { provider: source },
    );
    await settled(replication, primary, disaster, sameAccount);

    expect(components.map(c => c.type).sort()).toEqual([
      'ecr-kit:index:Registry',
      'ecr-kit:index:Registry',
      'ecr-kit:index:Registry',
      'ecr-kit:index:Replication',
    ]);
    const configuration = one(REPLICATION);
    expect(configuration.name).toBe('primary-replication');
    expect(configuration.provider).toMatch(/::source::source-id$/);
    expect(configuration.inputs).toEqual({
      region: 'eu-west-1',
      replicationConfiguration: {
        rules: [
          {
            destinations: [
              { region: 'eu-central-1', registryId: '222222222222' },
            ],
            repositoryFilters: [
              { filter: 'team-a/', filterType: 'PREFIX_MATCH' },
              { filter: 'team-b/', filterType: 'PREFIX_MATCH' },
            ],
          },
          {
            destinations: [{ region: 'us-east-1', registryId: '111111111111' }],
          },
        ],
      },
    });

    const byName = (a: { name: string }, b: { name: string }) =>
      a.name.localeCompare(b.name);
    const policies = [...ofType(REGISTRY_POLICY)].sort(byName);
    expect(
      policies.map(p => [
        p.name,
        p.provider?.split('::').slice(-2)[0],
        p.inputs.region,
      ]),
    ).toEqual([
      ['disaster-policy', 'dr', 'eu-central-1'],
      ['us-east-1-policy', 'source', 'us-east-1'],
    ]);
    expect(JSON.parse(policies[0].inputs.policy).Statement).toEqual([
      {
        Sid: 'ReplicationFrom111111111111',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111111111111:root' },
        Action: ['ecr:CreateRepository', 'ecr:ReplicateImage'],
        Resource: 'arn:aws:ecr:eu-central-1:222222222222:repository/*',
      },
    ]);

    const templates = [...ofType(TEMPLATE)].sort(byName);
    expect(
      templates.map(t => [
        t.name,
        t.provider?.split('::').slice(-2)[0],
        t.inputs.prefix,
        t.inputs.appliedFors,
        t.inputs.region,
      ]),
    ).toEqual([
      [
        'dr-111111111111-us-east-1-template',
        'source',
        'ROOT',
        ['REPLICATION'],
        'us-east-1',
      ],
      [
        'dr-222222222222-eu-central-1-template',
        'dr',
        'ROOT',
        ['REPLICATION'],
        'eu-central-1',
      ],
    ]);
    expect(replication.destinations).toEqual([
      '222222222222/eu-central-1',
      '111111111111/us-east-1',
    ]);
    expect(ofType(SCANNING)).toHaveLength(0);
  });

  it('can skip the destination templates', async () => {
    const replication = new Replication('r', {
      source: main,
      rules: [
        { destinations: [{ accountId: main.accountId, region: 'us-east-1' }] },
      ],
      skipCreationTemplates: true,
    });
    await settled(replication);
    expect(created).toHaveLength(0);
  });

  const many = (n: number, offset = 0) =>
    Array.from({ length: n }, (_, i) => ({
      accountId: String(300000000000 + offset + i),
      region: 'eu-west-1',
      provider: {} as aws.Provider,
    }));

  test.each<[string, Partial<ReplicationArgs>, string]>([
    ['no rules', { rules: [] }, 'rules: no replication rule given'],
    [
      'a bad source',
      { source: { accountId: main.accountId, region: 'europe' } },
      'source.region: "europe" is not an AWS Region',
    ],
    [
      '11 rules',
      {
        rules: Array.from({ length: 11 }, () => ({
          destinations: [{ accountId: main.accountId, region: 'us-east-1' }],
        })),
      },
      'rules: 11 replication rules for registry 111111111111/eu-west-1; use at most 10 rules',
    ],
    [
      '26 destinations',
      { rules: [{ destinations: many(13) }, { destinations: many(13, 13) }] },
      'rules: 26 unique destinations for registry 111111111111/eu-west-1; replicate to at most 25 registries',
    ],
    [
      '101 filters',
      {
        rules: [
          {
            destinations: [{ accountId: main.accountId, region: 'us-east-1' }],
            repositoryPrefixes: Array.from({ length: 101 }, (_, i) => `p${i}`),
          },
        ],
      },
      'rules[0].repositoryPrefixes: 101 filters in one rule; use at most 100 prefixes per rule',
    ],
    [
      'a bad filter',
      {
        rules: [
          {
            destinations: [{ accountId: main.accountId, region: 'us-east-1' }],
            repositoryPrefixes: ['Team'],
          },
        ],
      },
      'rules[0].repositoryPrefixes[0]: "Team" is not a repository name prefix',
    ],
    [
      'the source as destination',
      { rules: [{ destinations: [main] }] },
      'rules[0].destinations[0]: destination 111111111111/eu-west-1 is the source registry itself; replicate to another Region or another account',
    ],
    [
      'no destination',
      { rules: [{ destinations: [] }] },
      'rules[0].destinations: the rule has no destination',
    ],
    [
      'a bad destination account',
      {
        rules: [
          {
            destinations: [
              {
                accountId: 'dr',
                region: 'eu-west-2',
                provider: {} as aws.Provider,
              },
            ],
          },
        ],
      },
      'rules[0].destinations[0].accountId: "dr" is not an AWS account ID',
    ],
    [
      'another account without provider',
      { rules: [{ destinations: [dr] }] },
      'rules[0].destinations[0].provider: destination 222222222222/eu-central-1 is in another account but has no provider; pass an aws.Provider',
    ],
  ])('rejects %s', (_, args, message) => {
    const make = () =>
      new Replication('r', {
        source: main,
        rules: [
          {
            destinations: [{ accountId: main.accountId, region: 'us-east-1' }],
          },
        ],
        ...args,
      } as ReplicationArgs);
    expect(make).toThrow(EcrStandardError);
    expect(make).toThrow(message);
  });
});

describe('RegistryScanning', () => {
  it('defaults to BASIC scan on push for every repository', async () => {
    const scanning = new RegistryScanning('scan', { registry: main });
    const registry = new Registry('main', {
      ...main,
      contributors: [scanning],
    });
    await settled(scanning, registry);
    expect(scanning.scanType).toBe('BASIC');
    expect(one(SCANNING)).toEqual(
      expect.objectContaining({
        name: 'main-scanning',
        inputs: {
          scanType: 'BASIC',
          region: 'eu-west-1',
          rules: [
            {
              scanFrequency: 'SCAN_ON_PUSH',
              repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }],
            },
          ],
        },
      }),
    );
    expect(ofType(REGISTRY_POLICY)).toHaveLength(0);
  });

  test.each<[string, Partial<RegistryScanningArgs>, string]>([
    [
      'continuous BASIC scanning',
      { rules: [{ frequency: 'CONTINUOUS_SCAN' }] },
      'rules[0].frequency: CONTINUOUS_SCAN needs enhanced scanning; set scanType to "ENHANCED"',
    ],
    [
      'an unknown scan type',
      { scanType: 'DEEP' as 'BASIC' },
      'scanType: scan type "DEEP" is not supported',
    ],
    [
      'an unknown frequency',
      { rules: [{ frequency: 'DAILY' as 'MANUAL' }] },
      'rules[0].frequency: frequency "DAILY" is not supported',
    ],
    [
      'a bad filter',
      { rules: [{ frequency: 'SCAN_ON_PUSH', filters: ['Prod'] }] },
      'rules[0].filters[0]: "Prod" is not a wildcard repository filter',
    ],
    [
      'no filters',
      { rules: [{ frequency: 'SCAN_ON_PUSH', filters: [] }] },
      'rules[0].filters: 0 filters; give 1 to 100 filters',
    ],
    [
      'two rules of a frequency',
      { rules: [{ frequency: 'MANUAL' }, { frequency: 'MANUAL' }] },
      'rules[1].frequency: a second MANUAL rule',
    ],
    [
      'three rules',
      {
        scanType: 'ENHANCED',
        rules: [
          { frequency: 'MANUAL' },
          { frequency: 'SCAN_ON_PUSH' },
          { frequency: 'CONTINUOUS_SCAN' },
        ],
      },
      'rules: 3 scanning rules; use at most 2 rules',
    ],
    [
      'no registry',
      { registry: undefined },
      'registry: the registry (account and Region) is required',
    ],
  ])('rejects %s', (_, args, message) => {
    const make = () =>
      new RegistryScanning('scan', {
        registry: main,
        ...args,
      } as RegistryScanningArgs);
    expect(make).toThrow(EcrStandardError);
    expect(make).toThrow(message);
  });
});

describe('Registry singletons', () => {
  it('merges every contributor into one policy, one replication and one scanning configuration', async () => {
    const cacheA = new PullThroughCache('cache-a', {
      registry: main,
      rules: [{ upstream: 'ecr-public' }],
      allowedPrincipals: ['333333333333'],
    });
    const cacheB = new PullThroughCache('cache-b', {
      registry: main,
      rules: [{ upstream: 'k8s' }],
      allowedPrincipals: ['444444444444'],
    });
    const replicationA = new Replication('rep-a', {
      source: main,
      rules: [
        { destinations: [{ accountId: main.accountId, region: 'us-east-1' }] },
      ],
    });
    const replicationB = new Replication('rep-b', {
      source: main,
      rules: [
        {
          destinations: [{ accountId: main.accountId, region: 'us-west-2' }],
          repositoryPrefixes: ['prod/'],
        },
      ],
    });
    const scanPush = new RegistryScanning('scan-push', {
      registry: main,
      scanType: 'ENHANCED',
      rules: [{ frequency: 'SCAN_ON_PUSH', filters: ['*'] }],
    });
    const scanProd = new RegistryScanning('scan-prod', {
      registry: main,
      scanType: 'ENHANCED',
      rules: [
        { frequency: 'CONTINUOUS_SCAN', filters: ['prod/*'] },
        { frequency: 'SCAN_ON_PUSH', filters: ['*', 'x*'] },
      ],
    });
    const registry = new Registry('main', {
      ...main,
      contributors: [
        cacheA,
        cacheB,
        replicationA,
        replicationB,
        scanPush,
        scanProd,
      ],
    });
    await settled(
      registry,
      cacheA,
      cacheB,
      replicationA,
      replicationB,
      scanPush,
      scanProd,
    );

    expect(ofType(REGISTRY_POLICY)).toHaveLength(1);
    expect(ofType(REPLICATION)).toHaveLength(1);
    expect(ofType(SCANNING)).toHaveLength(1);
    expect(
      JSON.parse(one(REGISTRY_POLICY).inputs.policy).Statement.map(
        (s: { Sid: string }) => s.Sid,
      ),
    ).toEqual(['PullThroughCacheEcrPublic', 'PullThroughCacheK8s']);
    expect(registry.policyText).toBe(one(REGISTRY_POLICY).inputs.policy);
    expect(one(REPLICATION).inputs.replicationConfiguration.rules).toHaveLength(
      2,
    );
    expect(one(SCANNING).inputs).toEqual({
      scanType: 'ENHANCED',
      region: 'eu-west-1',
      rules: [
        {
          scanFrequency: 'SCAN_ON_PUSH',
          repositoryFilters: [
            { filter: '*', filterType: 'WILDCARD' },
            { filter: 'x*', filterType: 'WILDCARD' },
          ],
        },
        {
          scanFrequency: 'CONTINUOUS_SCAN',
          repositoryFilters: [{ filter: 'prod/*', filterType: 'WILDCARD' }],
        },
      ],
    });
    expect(ofType(TEMPLATE)).toHaveLength(4);
  });

  it('creates nothing without contributions', async () => {
    const registry = new Registry('main', { ...main, contributors: [] });
    await settled(registry);
    expect(created).toHaveLength(0);
    expect(registry.policyText).toBeUndefined();
  });

  it('keeps one copy of the same grant from two replications', async () => {
    const provider = {} as aws.Provider;
    const a = new Replication('a', {
      source: main,
      rules: [
        { destinations: [{ ...dr, provider }], repositoryPrefixes: ['a/'] },
      ],
      skipCreationTemplates: true,
    });
    const b = new Replication('b', {
      source: main,
      rules: [
        { destinations: [{ ...dr, provider }], repositoryPrefixes: ['b/'] },
      ],
      skipCreationTemplates: true,
    });
    const registry = new Registry('dr', { ...dr, contributors: [a, b] });
    await settled(registry);
    expect(
      JSON.parse(one(REGISTRY_POLICY).inputs.policy).Statement,
    ).toHaveLength(1);
  });

  it('refuses a second Registry for the same account and Region', () => {
    new Registry('one', { ...main, contributors: [] });
    expect(() => new Registry('two', { ...main, contributors: [] })).toThrow(
      'Registry "two": the registry policy, replication and scanning configuration of 111111111111/eu-west-1: the registry policy, replication and scanning configuration of 111111111111/eu-west-1 is already managed by Registry "one" in this program; create one Registry per account and Region and pass every contributor to it',
    );
  });

  it('refuses conflicting scan types', () => {
    const basic = new RegistryScanning('basic', { registry: main });
    const enhanced = new RegistryScanning('enhanced', {
      registry: main,
      scanType: 'ENHANCED',
    });
    expect(
      () => new Registry('main', { ...main, contributors: [basic, enhanced] }),
    ).toThrow(
      'scanning.scanType: RegistryScanning "basic" asks for BASIC scanning but RegistryScanning "enhanced" asks for ENHANCED; a registry has one scan type',
    );
  });

  it('refuses a contributor aimed at another registry', () => {
    const scanning = new RegistryScanning('scan', { registry: dr });
    expect(
      () => new Registry('main', { ...main, contributors: [scanning] }),
    ).toThrow(
      'contributors[0]: RegistryScanning "scan" targets 222222222222/eu-central-1, not 111111111111/eu-west-1; pass the component to the Registry of the account and Region it targets',
    );
  });

  it('refuses different statements with one Sid', async () => {
    const other = {
      registryContributions: () => [
        {
          registry: main,
          contribution: {
            owner: 'Custom "x"',
            policyStatements: [
              {
                Sid: 'PullThroughCacheK8s',
                Effect: 'Deny' as const,
                Action: 'ecr:*',
              },
            ],
          },
        },
      ],
    };
    const cache = new PullThroughCache('cache', {
      registry: main,
      rules: [{ upstream: 'k8s' }],
      allowedPrincipals: ['333333333333'],
    });
    await settled(cache);
    expect(
      () => new Registry('main', { ...main, contributors: [cache, other] }),
    ).toThrow(
      'policyStatements: Custom "x" and PullThroughCache "cache" contribute different registry policy statements with Sid "PullThroughCacheK8s"',
    );
  });

  it('refuses more than 10 merged replication rules', () => {
    const reps = Array.from(
      { length: 11 },
      (_, i) =>
        new Replication(`r${i}`, {
          source: main,
          rules: [
            {
              destinations: [
                { accountId: main.accountId, region: 'us-east-1' },
              ],
            },
          ],
          skipCreationTemplates: true,
        }),
    );
    expect(() => new Registry('main', { ...main, contributors: reps })).toThrow(
      'replicationRules: 11 replication rules for registry 111111111111/eu-west-1',
    );
  });

  it('refuses a second REPLICATION template for a destination', async () => {
    await settled(
      new Replication('a', {
        source: main,
        rules: [
          {
            destinations: [{ accountId: main.accountId, region: 'us-east-1' }],
          },
        ],
      }),
    );
    expect(
      () =>
        new Replication('b', {
          source: main,
          rules: [
            {
              destinations: [
                { accountId: main.accountId, region: 'us-east-1' },
              ],
            },
          ],
        }),
    ).toThrow('is already managed by Replication "a" in this program');
  });

  it('validates its own identity', () => {
    expect(
      () =>
        new Registry('main', {
          accountId: '1',
          region: 'eu-west-1',
          contributors: [],
        }),
    ).toThrow(
      'Registry "main": registry.accountId: "1" is not an AWS account ID',
    );
  });
});
