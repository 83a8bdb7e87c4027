import {
  components,
  created,
  ofType,
  one,
  reset,
  settled,
} from './__testUtils__/mocks';
import * as aws from '@pulumi/aws';
import {
  EcrStandardError,
  PullThroughCache,
  Registry,
  RegistryScanning,
  Replication,
} from './index';
import type {
  PullThroughCacheArgs,
  RegistryScanningArgs,
  ReplicationArgs,
} from './index';

const PTC = 'aws:ecr/pullThroughCacheRule:PullThroughCacheRule';
const TEMPLATE =
  'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate';
const SECRET = 'aws:secretsmanager/secret:Secret';
const SECRET_VERSION = 'aws:secretsmanager/secretVersion:SecretVersion';
const REGISTRY_POLICY = 'aws:ecr/registryPolicy:RegistryPolicy';
const REPLICATION = 'aws:ecr/replicationConfiguration:ReplicationConfiguration';
const SCANNING =
  'aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration';
const ROLE = 'aws:iam/role:Role';
const ROLE_POLICY = 'aws:iam/rolePolicy:RolePolicy';

const MAIN = { accountId: '111111111111', region: 'eu-west-1' };
const DR = { accountId: '222222222222', region: 'eu-central-1' };
const secretArn =
  'arn:aws:secretsmanager:eu-west-1:111111111111:secret:ecr-pullthroughcache/docker-hub-AbCdEf';
const providerName = (r: { provider?: string }) =>
  r.provider?.split('::').slice(-2)[0] || undefined;

let main: Registry;
beforeEach(() => {
  reset();
  main = new Registry('main', MAIN);
});
/** A Registry of the DR account, on a provider of that account. */
const drRegistry = (name = 'disaster') =>
  new Registry(name, DR, {
    provider: new aws.Provider('dr', { region: DR.region }),
  });

describe('PullThroughCache', () => {
  it('creates rules for every upstream with the standard creation template and its role', async () => {
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
    await settled(cache, main);
    expect(components.map(c => c.type).sort()).toEqual([
      'ecr-kit:index:PullThroughCache',
      'ecr-kit:index:Registry',
    ]);
    const byName = Object.fromEntries(ofType(PTC).map(r => [r.name, r.inputs]));
    expect(Object.keys(byName).sort()).toEqual(
      [
        'cache-azure',
        'cache-chainguard',
        'cache-docker-hub',
        'cache-ecr-public',
        'cache-github',
        'cache-gitlab',
        'cache-k8s',
        'cache-quay',
        'cache-upstream-ecr',
      ].sort(),
    );
    expect(byName['cache-ecr-public']).toEqual({
      ecrRepositoryPrefix: 'ecr-public',
      upstreamRegistryUrl: 'public.ecr.aws',
      region: 'eu-west-1',
    });
    expect(byName['cache-azure'].upstreamRegistryUrl).toBe(
      'myregistry.azurecr.io',
    );
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
    expect(ofType(SECRET)[0].inputs.recoveryWindowInDays).toBe(0);
    expect(ofType(SECRET_VERSION)).toHaveLength(2);
    const secretString = ofType(SECRET_VERSION)[0].inputs.secretString;
    expect(
      JSON.parse(
        typeof secretString === 'string' ? secretString : secretString.value,
      ),
    ).toEqual({ username: 'bot', accessToken: 'ghp_x' });

    const templates = ofType(TEMPLATE);
    expect(templates).toHaveLength(9);
    const role = one(ROLE);
    expect(role.name).toBe('cache-templates');
    expect(JSON.parse(role.inputs.assumeRolePolicy).Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'ecr.amazonaws.com' },
        Action: 'sts:AssumeRole',
      },
    ]);
    expect(JSON.parse(one(ROLE_POLICY).inputs.policy).Statement).toEqual([
      expect.objectContaining({
        Action: [
          'ecr:CreateRepository',
          'ecr:ReplicateImage',
          'ecr:TagResource',
        ],
        Resource: 'arn:aws:ecr:eu-west-1:111111111111:repository/*',
      }),
    ]);
    const publicTemplate = templates.find(
      t => t.name === 'cache-ecr-public-template',
    );
    expect(publicTemplate?.inputs).toEqual({
      prefix: 'ecr-public',
      appliedFors: ['PULL_THROUGH_CACHE'],
      description:
        'ecr-kit standard for repositories cached from public.ecr.aws',
      imageTagMutability: 'MUTABLE',
      encryptionConfigurations: [{ encryptionType: 'AES256' }],
      lifecyclePolicy: expect.stringContaining('"tagStatus":"untagged"'),
      resourceTags: { 'ecr-kit/standard': 'v1' },
      customRoleArn: expect.stringMatching(/^arn:aws:/),
      region: 'eu-west-1',
    });
    expect(cache.prefixes).toHaveLength(9);
    expect(cache.templateRole).toBeDefined();
    expect(ofType(REGISTRY_POLICY)).toHaveLength(0);
  });

  it('creates the role of an ECR upstream in another account (issue 13, finding 4)', async () => {
    await settled(
      new PullThroughCache('cache', {
        registry: main,
        rules: [
          {
            upstream: 'ecr',
            prefix: 'golden',
            upstreamUrl: '333333333333.dkr.ecr.eu-west-1.amazonaws.com',
          },
          {
            upstream: 'ecr',
            prefix: 'mine',
            upstreamUrl: '111111111111.dkr.ecr.us-east-1.amazonaws.com',
          },
        ],
        skipCreationTemplates: true,
      }),
    );
    const role = one(ROLE);
    expect(role.name).toBe('cache-golden-upstream');
    expect(
      JSON.parse(role.inputs.assumeRolePolicy).Statement[0].Principal,
    ).toEqual({ Service: 'pullthroughcache.ecr.amazonaws.com' });
    const rules = Object.fromEntries(ofType(PTC).map(r => [r.name, r.inputs]));
    expect(rules['cache-golden'].customRoleArn).toEqual(expect.any(String));
    expect(rules['cache-mine'].customRoleArn).toBeUndefined();
  });

  it('applies template options and can skip templates', async () => {
    const cache = new PullThroughCache('cache', {
      registry: main,
      rules: [{ upstream: 'ecr-public', prefix: 'public' }],
      cachedRepositories: {
        kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k',
        immutableTags: true,
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
    expect(ofType(ROLE)).toHaveLength(0);

    reset();
    const registry = new Registry('bare-registry', MAIN);
    const bare = new PullThroughCache('bare', {
      registry,
      rules: [{ upstream: 'k8s' }],
      skipCreationTemplates: true,
    });
    await settled(bare);
    expect(ofType(TEMPLATE)).toHaveLength(0);
    expect(ofType(ROLE)).toHaveLength(0);
    expect(ofType(PTC)).toHaveLength(1);
  });

  it('puts the KMS key into the created role', async () => {
    await settled(
      new PullThroughCache('cache', {
        registry: main,
        rules: [{ upstream: 'k8s' }],
        cachedRepositories: {
          kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k',
        },
      }),
    );
    expect(JSON.parse(one(ROLE_POLICY).inputs.policy).Statement[1]).toEqual({
      Sid: 'EncryptWithTheTemplateKey',
      Effect: 'Allow',
      Action: ['kms:CreateGrant', 'kms:RetireGrant', 'kms:DescribeKey'],
      Resource: ['arn:aws:kms:eu-west-1:111111111111:key/k'],
    });
  });

  it('scopes principals to namespaces, or narrower paths, through the registry policy (finding 9)', async () => {
    const cache = new PullThroughCache('cache', {
      registry: main,
      rules: [
        { upstream: 'docker-hub', prefix: 'docker', credentialArn: secretArn },
        { upstream: 'ecr-public' },
      ],
      allowedPrincipals: ['333333333333'],
      grants: [
        {
          principals: ['arn:aws:iam::111111111111:role/ci'],
          repositories: 'ecr-public/docker',
        },
      ],
    });
    await settled(cache, main);
    const policy = one(REGISTRY_POLICY);
    expect(policy.name).toBe('main-policy');
    expect(policy.inputs.region).toBe('eu-west-1');
    expect(JSON.parse(policy.inputs.policy)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PullThroughCacheDocker',
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::333333333333:root'] },
          Action: ['ecr:CreateRepository', 'ecr:BatchImportUpstreamImage'],
          Resource: 'arn:aws:ecr:eu-west-1:111111111111:repository/docker/*',
        },
        expect.objectContaining({ Sid: 'PullThroughCacheEcrPublic' }),
        {
          Sid: 'PullThroughCacheEcrPublicDocker',
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::111111111111:role/ci'] },
          Action: ['ecr:CreateRepository', 'ecr:BatchImportUpstreamImage'],
          Resource:
            'arn:aws:ecr:eu-west-1:111111111111:repository/ecr-public/docker/*',
        },
      ],
    });
    expect(ofType(REPLICATION)).toHaveLength(0);
    expect(ofType(SCANNING)).toHaveLength(0);
  });

  test.each<[string, Partial<PullThroughCacheArgs>, string]>([
    ['no rules', { rules: [] }, 'rules: no pull-through cache rule given'],
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
      'a secret of another Region',
      {
        rules: [
          {
            upstream: 'github',
            credentialArn:
              'arn:aws:secretsmanager:us-east-1:111111111111:secret:ecr-pullthroughcache/gh-AbCdEf',
          },
        ],
      },
      'the secret is in 111111111111/us-east-1, but the rule is in 111111111111/eu-west-1',
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
      "an ECR upstream role of the upstream's account (finding 4)",
      {
        rules: [
          {
            upstream: 'ecr',
            upstreamUrl: '333333333333.dkr.ecr.eu-west-1.amazonaws.com',
            customRoleArn: 'arn:aws:iam::333333333333:role/x',
          },
        ],
      },
      "rules[0].customRoleArn: ecr rule: the role is in account 333333333333 (aws); ECR assumes only a role of the cache registry's account 111111111111",
    ],
    [
      'a bad principal',
      { rules: [{ upstream: 'k8s' }], allowedPrincipals: ['dev-team'] },
      'allowedPrincipals[0]: "dev-team" is not an AWS account ID',
    ],
    [
      'a grant outside the namespaces',
      {
        rules: [{ upstream: 'k8s' }],
        grants: [{ principals: ['111111111111'], repositories: 'docker' }],
      },
      'grants[0].repositories: "docker" is not a cache namespace of this component (k8s)',
    ],
    [
      'a template KMS without key',
      {
        rules: [{ upstream: 'k8s' }],
        cachedRepositories: { encryption: 'KMS' },
      },
      'cachedRepositories.kmsKeyArn: KMS encryption was asked for without a key',
    ],
    [
      'a template AES256 with key',
      {
        rules: [{ upstream: 'k8s' }],
        cachedRepositories: {
          encryption: 'AES256',
          kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k',
        },
      },
      'kmsKeyArn: a KMS key was given but encryption is AES256',
    ],
    [
      'a template key alias (CreateRepositoryCreationTemplate takes key ARNs only)',
      {
        rules: [{ upstream: 'k8s' }],
        cachedRepositories: {
          kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:alias/ecr',
        },
      },
      'cachedRepositories.kmsKeyArn: "arn:aws:kms:eu-west-1:111111111111:alias/ecr" is not a KMS key ARN',
    ],
    [
      'a template key of another Region',
      {
        rules: [{ upstream: 'k8s' }],
        cachedRepositories: {
          kmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/k',
        },
      },
      'the key is in us-east-1, the template in eu-west-1',
    ],
    [
      'a template role of another account',
      {
        rules: [{ upstream: 'k8s' }],
        cachedRepositories: {
          customRoleArn: 'arn:aws:iam::999999999999:role/t',
        },
      },
      'cachedRepositories.customRoleArn: "arn:aws:iam::999999999999:role/t" is not an IAM role of account 111111111111',
    ],
    [
      'mutableTags for cached repositories',
      {
        rules: [{ upstream: 'k8s' }],
        cachedRepositories: { mutableTags: true } as object,
      },
      'cachedRepositories.mutableTags: cached repositories are MUTABLE unless immutableTags is set',
    ],
    [
      'a bad template filter',
      {
        rules: [{ upstream: 'k8s' }],
        cachedRepositories: { immutableTags: true, mutableTagFilters: ['a/b'] },
      },
      'cachedRepositories.mutableTagFilters[0]: "a/b" is not a valid exclusion filter',
    ],
    [
      'no registry',
      { registry: undefined },
      'registry: the registry (account + Region) is required; pass a Registry component as registry, or give registry.accountId and registry.region',
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

  it('refuses a cache in GovCloud, where ECR has none (finding 7)', () => {
    const gov = new Registry('gov', {
      accountId: MAIN.accountId,
      region: 'us-gov-west-1',
    });
    expect(
      () =>
        new PullThroughCache('cache', {
          registry: gov,
          rules: [{ upstream: 'ecr-public' }],
        }),
    ).toThrow(
      'PullThroughCache "cache": registry.region: ECR has no pull through cache in us-gov-west-1 (partition aws-us-gov)',
    );
  });

  it("refuses a provider of its own: its resources use the Registry's", () => {
    expect(
      () =>
        new PullThroughCache(
          'cache',
          { registry: main, rules: [{ upstream: 'k8s' }] },
          { provider: new aws.Provider('other', { region: 'us-east-1' }) },
        ),
    ).toThrow(
      'PullThroughCache "cache": opts.provider: the resources of this component live in its Registry and use the Registry\'s provider',
    );
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
  it('puts rules in the source registry, grants in the other account, templates and roles in every destination', async () => {
    const disaster = drRegistry();
    const east = new Registry('us-east-1', {
      accountId: MAIN.accountId,
      region: 'us-east-1',
    });
    const replication = new Replication('dr', {
      source: main,
      rules: [
        {
          destinations: [disaster],
          repositoryPrefixes: ['team-a/', 'team-b/'],
        },
        { destinations: [east] },
      ],
    });
    await settled(replication, main, disaster, east);

    expect(components.map(c => c.type).sort()).toEqual([
      'ecr-kit:index:Registry',
      'ecr-kit:index:Registry',
      'ecr-kit:index:Registry',
      'ecr-kit:index:Replication',
    ]);
    const configuration = one(REPLICATION);
    expect(configuration.name).toBe('main-replication');
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
    // Only the other account needs a grant.
    const policy = one(REGISTRY_POLICY);
    expect([policy.name, providerName(policy), policy.inputs.region]).toEqual([
      'disaster-policy',
      'dr',
      'eu-central-1',
    ]);
    expect(JSON.parse(policy.inputs.policy).Statement).toEqual([
      {
        Sid: 'ReplicationFrom111111111111',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111111111111:root' },
        Action: ['ecr:CreateRepository', 'ecr:ReplicateImage'],
        Resource: 'arn:aws:ecr:eu-central-1:222222222222:repository/*',
      },
    ]);

    const byName = (a: { name: string }, b: { name: string }) =>
      a.name.localeCompare(b.name);
    expect(
      [...ofType(TEMPLATE)]
        .sort(byName)
        .map(t => [
          t.name,
          providerName(t),
          t.inputs.prefix,
          t.inputs.appliedFors,
          t.inputs.region,
          t.inputs.imageTagMutability,
        ]),
    ).toEqual([
      [
        'dr-111111111111-us-east-1-template',
        undefined,
        'ROOT',
        ['REPLICATION'],
        'us-east-1',
        'IMMUTABLE',
      ],
      [
        'dr-222222222222-eu-central-1-template',
        'dr',
        'ROOT',
        ['REPLICATION'],
        'eu-central-1',
        'IMMUTABLE',
      ],
    ]);
    expect(
      [...ofType(ROLE)].sort(byName).map(r => [r.name, providerName(r)]),
    ).toEqual([
      ['dr-111111111111-us-east-1-templates', undefined],
      ['dr-222222222222-eu-central-1-templates', 'dr'],
    ]);
    expect(replication.destinations).toEqual([
      '222222222222/eu-central-1',
      '111111111111/us-east-1',
    ]);
    expect(ofType(SCANNING)).toHaveLength(0);
  });

  it('can skip the destination templates', async () => {
    const east = new Registry('east', { ...MAIN, region: 'us-east-1' });
    const replication = new Replication('r', {
      source: main,
      rules: [{ destinations: [east] }],
      skipCreationTemplates: true,
    });
    await settled(replication, main);
    expect(created.map(r => r.type)).toEqual([REPLICATION]);
  });

  const registries = (n: number, offset = 0) =>
    Array.from(
      { length: n },
      (_, i) =>
        new Registry(`r${offset + i}`, {
          accountId: String(300000000000 + offset + i),
          region: 'eu-west-1',
        }),
    );

  test.each<[string, () => Partial<ReplicationArgs>, string]>([
    ['no rules', () => ({ rules: [] }), 'rules: no replication rule given'],
    [
      '11 rules',
      () => {
        const east = new Registry('e', { ...MAIN, region: 'us-east-1' });
        return {
          rules: Array.from({ length: 11 }, () => ({ destinations: [east] })),
        };
      },
      'rules: 11 replication rules for registry 111111111111/eu-west-1; use at most 10 rules',
    ],
    [
      '26 destinations',
      () => ({
        rules: [
          { destinations: registries(13) },
          { destinations: registries(13, 13) },
        ],
      }),
      'rules: 26 unique destinations for registry 111111111111/eu-west-1; replicate to at most 25 registries',
    ],
    [
      '101 filters',
      () => ({
        rules: [
          {
            destinations: registries(1),
            repositoryPrefixes: Array.from({ length: 101 }, (_, i) => `p${i}`),
          },
        ],
      }),
      'rules[0].repositoryPrefixes: 101 filters in one rule; use at most 100 prefixes per rule',
    ],
    [
      'a bad filter',
      () => ({
        rules: [{ destinations: registries(1), repositoryPrefixes: ['Team'] }],
      }),
      'rules[0].repositoryPrefixes[0]: "Team" is not a repository name prefix',
    ],
    [
      'the source as destination',
      () => ({ rules: [{ destinations: [main] }] }),
      'rules[0].destinations[0]: destination 111111111111/eu-west-1 is the source registry itself; replicate to another Region or another account',
    ],
    [
      'no destination',
      () => ({ rules: [{ destinations: [] }] }),
      'rules[0].destinations: the rule has no destination',
    ],
    [
      'a destination of another account with no credentials (finding 6)',
      () => ({
        rules: [
          {
            destinations: [{ accountId: '222222222222', region: 'eu-west-2' }],
          },
        ],
      }),
      'destinations 222222222222/eu-west-2: the destination is in another account than the source (111111111111) and no Registry of it is in the program, so there are no credentials to create its creation template and registry policy statement; give assumeRoleArn (a role of account 222222222222 to deploy with), or list a Registry of that account with its provider',
    ],
    [
      'another partition (finding 7)',
      () => ({
        rules: [
          {
            destinations: [
              new Registry('gov', {
                accountId: '222222222222',
                region: 'us-gov-west-1',
              }),
            ],
          },
        ],
      }),
      'ECR does not replicate across partitions',
    ],
    [
      'one KMS key for destinations in two Regions',
      () => ({
        rules: [
          {
            destinations: [
              new Registry('west2', { ...MAIN, region: 'eu-west-2' }),
              new Registry('east1', { ...MAIN, region: 'us-east-1' }),
            ],
          },
        ],
        replicatedRepositories: {
          kmsKeyArn: 'arn:aws:kms:eu-west-2:111111111111:key/k',
        },
      }),
      'replicatedRepositories.kmsKeyArn: the key is in eu-west-2, the template in us-east-1; KMS keys encrypt in their own Region only (destination 111111111111/us-east-1); give a key of us-east-1 (with several destination Regions, one Replication component per Region)',
    ],
  ])('rejects %s', (_, args, message) => {
    const make = () =>
      new Replication('r', {
        source: main,
        rules: [],
        ...args(),
      } as ReplicationArgs);
    expect(make).toThrow(EcrStandardError);
    reset();
    main = new Registry('main', MAIN);
    expect(make).toThrow(message);
  });
});

describe('RegistryScanning', () => {
  it('defaults to BASIC scan on push for every repository', async () => {
    const scanning = new RegistryScanning('scan', { registry: main });
    await settled(scanning, main);
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
      'MANUAL with ENHANCED',
      { scanType: 'ENHANCED', rules: [{ frequency: 'MANUAL' }] },
      'rules[0].frequency: enhanced scanning has no MANUAL frequency',
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
          { frequency: 'SCAN_ON_PUSH', filters: ['a*'] },
          { frequency: 'SCAN_ON_PUSH', filters: ['b*'] },
          { frequency: 'CONTINUOUS_SCAN' },
        ],
      },
      'rules: 3 scanning rules; use at most 2 rules',
    ],
    [
      'no registry',
      { registry: undefined },
      'registry: the registry (account + Region) is required; pass a Registry component as registry, or give registry.accountId and registry.region',
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

describe('Registry singletons (issue 13, finding 6)', () => {
  it('merges every contributor into one policy, one replication and one scanning configuration', async () => {
    const east = new Registry('east', { ...MAIN, region: 'us-east-1' });
    const west = new Registry('west', { ...MAIN, region: 'us-west-2' });
    new PullThroughCache('cache-a', {
      registry: main,
      rules: [{ upstream: 'ecr-public' }],
      allowedPrincipals: ['333333333333'],
    });
    new PullThroughCache('cache-b', {
      registry: main,
      rules: [{ upstream: 'k8s' }],
      allowedPrincipals: ['444444444444'],
    });
    new Replication('rep-a', {
      source: main,
      rules: [{ destinations: [east] }],
    });
    new Replication('rep-b', {
      source: main,
      rules: [{ destinations: [west], repositoryPrefixes: ['prod/'] }],
    });
    new RegistryScanning('scan-push', {
      registry: main,
      scanType: 'ENHANCED',
      rules: [{ frequency: 'SCAN_ON_PUSH', filters: ['*'] }],
    });
    new RegistryScanning('scan-prod', {
      registry: main,
      scanType: 'ENHANCED',
      rules: [
        { frequency: 'CONTINUOUS_SCAN', filters: ['prod/*'] },
        { frequency: 'SCAN_ON_PUSH', filters: ['*', 'x*'] },
      ],
    });
    await settled(main, east, west);

    expect(ofType(REGISTRY_POLICY)).toHaveLength(1);
    expect(ofType(REPLICATION)).toHaveLength(1);
    expect(ofType(SCANNING)).toHaveLength(1);
    expect(
      JSON.parse(one(REGISTRY_POLICY).inputs.policy).Statement.map(
        (s: { Sid: string }) => s.Sid,
      ),
    ).toEqual(['PullThroughCacheEcrPublic', 'PullThroughCacheK8s']);
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
    await settled(main);
    expect(created).toHaveLength(0);
  });

  it('keeps one copy of the same grant from two replications', async () => {
    const disaster = drRegistry();
    const a = new Replication('a', {
      source: main,
      rules: [{ destinations: [disaster], repositoryPrefixes: ['a/'] }],
      skipCreationTemplates: true,
    });
    const b = new Replication('b', {
      source: main,
      rules: [{ destinations: [disaster], repositoryPrefixes: ['b/'] }],
      skipCreationTemplates: true,
    });
    await settled(a, b, main, disaster);
    expect(
      JSON.parse(one(REGISTRY_POLICY).inputs.policy).Statement,
    ).toHaveLength(1);
  });

  it('refuses a second Registry for the same account and Region', () => {
    expect(() => new Registry('two', MAIN)).toThrow(
      'Registry "two": the registry policy, replication and scanning configuration of 111111111111/eu-west-1: the registry policy, replication and scanning configuration of 111111111111/eu-west-1 is already managed by Registry "main" in this program; create one Registry per account and Region and pass it to every contributor',
    );
  });

  it('shares its claims with other copies of the package in the process', () => {
    const store = (globalThis as Record<symbol, Map<string, string>>)[
      Symbol.for('@ecr-kit/pulumi/registry-claims')
    ];
    expect(store.get('registry:111111111111/eu-west-1')).toBe(
      'Registry "main"',
    );
  });

  it('refuses conflicting scan types, naming both components', () => {
    new RegistryScanning('basic', { registry: main });
    expect(
      () =>
        new RegistryScanning('enhanced', {
          registry: main,
          scanType: 'ENHANCED',
        }),
    ).toThrow(
      'RegistryScanning "enhanced": registry 111111111111/eu-west-1: scanning.scanType: RegistryScanning "basic" asks for BASIC scanning but RegistryScanning "enhanced" asks for ENHANCED; a registry has one scan type',
    );
  });

  it('refuses different statements with one Sid', () => {
    new PullThroughCache('cache', {
      registry: main,
      rules: [{ upstream: 'k8s' }],
      allowedPrincipals: ['333333333333'],
    });
    expect(() =>
      main.contribute({
        contribution: {
          owner: 'Custom "x"',
          policyStatements: [
            {
              Sid: 'PullThroughCacheK8s',
              Effect: 'Deny',
              Principal: '*',
              Action: 'ecr:*',
              Resource: '*',
            },
          ],
        },
      }),
    ).toThrow(
      'Custom "x": registry 111111111111/eu-west-1: policyStatements: Custom "x" and PullThroughCache "cache" contribute different registry policy statements with Sid "PullThroughCacheK8s"',
    );
  });

  it('refuses more than 10 merged replication rules', () => {
    const east = new Registry('east', { ...MAIN, region: 'us-east-1' });
    for (let i = 0; i < 10; i++) {
      new Replication(`r${i}`, {
        source: main,
        rules: [{ destinations: [east] }],
        skipCreationTemplates: true,
      });
    }
    expect(
      () =>
        new Replication('r10', {
          source: main,
          rules: [{ destinations: [east] }],
          skipCreationTemplates: true,
        }),
    ).toThrow(
      'Replication "r10": registry 111111111111/eu-west-1: replicationRules: 11 replication rules for registry 111111111111/eu-west-1',
    );
  });

  it('refuses a second REPLICATION template for a destination', () => {
    const east = new Registry('east', { ...MAIN, region: 'us-east-1' });
    new Replication('a', { source: main, rules: [{ destinations: [east] }] });
    expect(
      () =>
        new Replication('b', {
          source: main,
          rules: [{ destinations: [east] }],
        }),
    ).toThrow('is already managed by Replication "a" in this program');
  });

  it('refuses a contribution after the singletons are written', async () => {
    await new Promise(resolve => setImmediate(resolve));
    expect(() => new RegistryScanning('late', { registry: main })).toThrow(
      'RegistryScanning "late": registry: Registry "main" has already written the registry\'s singletons; construct RegistryScanning "late" in the same synchronous part of the program as Registry "main"',
    );
  });

  it('validates its own identity', () => {
    expect(
      () => new Registry('bad', { accountId: '1', region: 'eu-west-1' }),
    ).toThrow(
      'Registry "bad": registry.accountId: "1" is not an AWS account ID',
    );
  });
});
