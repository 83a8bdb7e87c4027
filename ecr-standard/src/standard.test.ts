import type { RegistryContribution } from './index';
import {
  CATALOG_ARN_ANNOTATION,
  ENTITY_REF_TAG,
  cachePrefix,
  mergeRegistryContributions,
  pullThroughCacheRegistryStatement,
  registryKey,
  replicationRegistryStatement,
  repositoryPolicyStatements,
  resolveCreationTemplateSettings,
  resolveRepositorySettings,
  resolveTagMutability,
  statementId,
  upstreamUrl,
  validatePullThroughCacheRules,
  validateRegion,
  validateReplicationRules,
  validateScanning,
  validateStatements,
} from './index';

const main = { accountId: '111111111111', region: 'eu-west-1' };

describe('resolveRepositorySettings', () => {
  it('applies every default', () => {
    const settings = resolveRepositorySettings('Repository "svc"', {
      name: 'svc',
    });
    expect(settings).toEqual({
      name: 'svc',
      imageTagMutability: 'IMMUTABLE',
      exclusionFilters: [],
      scanOnPush: true,
      encryption: 'AES256',
      lifecyclePolicy: expect.stringContaining('"countNumber":500'),
      forceDelete: false,
      tags: { 'ecr-kit/standard': 'v1' },
    });
    expect(settings.policy).toBeUndefined();
  });

  it('tags the owning entity and builds the policy', () => {
    const settings = resolveRepositorySettings('x', {
      name: 'svc',
      entityRef: 'component:default/svc',
      pullAccounts: ['222222222222'],
      encryption: 'KMS',
      skipLifecyclePolicy: true,
    });
    expect(settings.tags[ENTITY_REF_TAG]).toBe('component:default/svc');
    expect(settings.policy?.Statement).toHaveLength(1);
    expect(settings.lifecyclePolicy).toBeUndefined();
    expect(settings.encryption).toBe('KMS');
    expect(CATALOG_ARN_ANNOTATION).toBe('aws.amazon.com/amazon-ecr-arn');
  });

  it('lists every violation at once', () => {
    expect(() =>
      resolveRepositorySettings('Repository "x"', {
        name: 'X',
        encryption: 'DES' as 'KMS',
        pullAccounts: ['1'],
      }),
    ).toThrow(
      /^Repository "x": name: .* \| encryption: .* \| pullAccounts\[0\]: /,
    );
  });
});

describe('resolveTagMutability', () => {
  test.each([
    [{}, 'IMMUTABLE'],
    [{ mutableTags: true }, 'MUTABLE'],
    [{ mutableTagFilters: ['latest'] }, 'IMMUTABLE_WITH_EXCLUSION'],
  ])('%j is %s', (options, expected) => {
    expect(resolveTagMutability(options).imageTagMutability).toBe(expected);
  });
});

describe('resolveCreationTemplateSettings', () => {
  it('uses the standard', () => {
    expect(resolveCreationTemplateSettings('t', {})).toEqual(
      expect.objectContaining({
        imageTagMutability: 'IMMUTABLE',
        encryption: 'AES256',
        resourceTags: { 'ecr-kit/standard': 'v1' },
      }),
    );
  });
  it('rejects an unknown encryption', () => {
    expect(() =>
      resolveCreationTemplateSettings('t', { encryption: 'X' as 'KMS' }),
    ).toThrow('encryption: encryption "X" is not supported');
  });
});

describe('policy documents', () => {
  it('grants nothing by default', () => {
    expect(repositoryPolicyStatements({})).toEqual({
      statements: [],
      violations: [],
    });
  });
  it('lets Lambda in any account allowed by IAM pull without a condition', () => {
    expect(
      repositoryPolicyStatements({ lambdaPull: true }).statements[0].Condition,
    ).toBeUndefined();
  });
  it('prefixes fields', () => {
    expect(
      repositoryPolicyStatements({ pullAccounts: ['1'] }, 'access')
        .violations[0].field,
    ).toBe('access.pullAccounts[0]');
  });
  test.each([
    ['pull-through cache', 'PullThroughCache'],
    ['team/api.v2', 'TeamApiV2'],
  ])('statementId(%s) is %s', (text, expected) => {
    expect(statementId(text)).toBe(expected);
  });
  it('builds registry statements', () => {
    expect(
      replicationRegistryStatement('111111111111', {
        accountId: '222222222222',
        region: 'eu-central-1',
      }).Resource,
    ).toBe('arn:aws:ecr:eu-central-1:222222222222:repository/*');
    expect(
      pullThroughCacheRegistryStatement(main, 'docker', ['333333333333'])
        .Resource,
    ).toBe('arn:aws:ecr:eu-west-1:111111111111:repository/docker/*');
  });
  test.each([
    [
      { Effect: 'Maybe' as 'Allow', Action: 'ecr:*' },
      'Effect must be "Allow" or "Deny"',
    ],
    [{ Effect: 'Allow' as const, Action: [] }, 'the statement has no Action'],
  ])('rejects %j', (statement, message) => {
    expect(validateStatements([statement], 's')[0].message).toBe(message);
  });
  it('rejects duplicate Sids', () => {
    const s = { Sid: 'A', Effect: 'Allow' as const, Action: 'ecr:*' };
    expect(validateStatements([s, s], 's')[0].message).toBe(
      'Sid "A" is used twice',
    );
  });
});

describe('pull-through cache', () => {
  it('knows upstream URLs and default prefixes', () => {
    expect(upstreamUrl({ upstream: 'docker-hub' })).toBe(
      'registry-1.docker.io',
    );
    expect(cachePrefix({ upstream: 'ecr-public' })).toBe('ecr-public');
    expect(
      validatePullThroughCacheRules([
        { upstream: 'quay' },
        {
          upstream: 'quay',
          prefix: 'quay-auth',
          credentialArn:
            'arn:aws:secretsmanager:eu-west-1:111111111111:secret:ecr-pullthroughcache/q',
        },
      ]),
    ).toEqual([]);
  });
});

describe('replication and scanning', () => {
  it('accepts valid rules', () => {
    expect(
      validateReplicationRules(main, [
        {
          destinations: [{ accountId: '222222222222', region: 'eu-west-1' }],
          repositoryPrefixes: ['team/'],
        },
      ]),
    ).toEqual([]);
    expect(
      validateScanning('ENHANCED', [
        { frequency: 'CONTINUOUS_SCAN', filters: ['prod-*'] },
      ]),
    ).toEqual([]);
  });
  test.each(['eu-west-1', 'us-gov-west-1', 'ap-southeast-3'])(
    'accepts Region %s',
    region => {
      expect(validateRegion(region, 'r')).toEqual([]);
    },
  );
});

describe('mergeRegistryContributions', () => {
  const scan = (
    owner: string,
    scanType: 'BASIC' | 'ENHANCED',
    filters: string[],
  ): RegistryContribution => ({
    owner,
    scanning: { scanType, rules: [{ frequency: 'SCAN_ON_PUSH', filters }] },
  });
  it('creates nothing from nothing', () => {
    expect(mergeRegistryContributions(main, [])).toEqual({
      settings: { replicationRules: [] },
      violations: [],
    });
  });
  it('merges filters of one frequency', () => {
    const { settings } = mergeRegistryContributions(main, [
      scan('a', 'BASIC', ['a*']),
      scan('b', 'BASIC', ['b*', 'a*']),
    ]);
    expect(settings.scanning).toEqual({
      scanType: 'BASIC',
      rules: [{ frequency: 'SCAN_ON_PUSH', filters: ['a*', 'b*'] }],
    });
  });
  it('names both owners of a conflict', () => {
    const { violations } = mergeRegistryContributions(main, [
      scan('a', 'BASIC', ['*']),
      scan('b', 'ENHANCED', ['*']),
    ]);
    expect(violations[0].message).toBe(
      'a asks for BASIC scanning but b asks for ENHANCED; a registry has one scan type',
    );
  });
  it('keys registries by account and Region', () => {
    expect(registryKey(main)).toBe('111111111111/eu-west-1');
  });
});
