import type { PullThroughCacheRuleSpec } from './index';
import {
  REGION_PATTERN,
  accountRootArn,
  creationTemplateRolePolicy,
  creationTemplateRoleTrustPolicy,
  needsUpstreamRole,
  parseRoleArn,
  registryHostParts,
  resolveCreationTemplateSettings,
  upstreamRolePolicy,
  upstreamRoleTrustPolicy,
  validatePullThroughCacheGrants,
  validatePullThroughCacheRules,
  validateRegion,
  validateReplicationRules,
  validateScanning,
} from './index';

const main = { accountId: '111111111111', region: 'eu-west-1' };
const text = (vs: { field: string; message: string; fix: string }[]) =>
  vs.map(v => `${v.field}: ${v.message}; ${v.fix}`).join(' | ');

describe('pull through cache in a registry', () => {
  test.each<[string, string, PullThroughCacheRuleSpec, string]>([
    [
      'GovCloud, which has no pull through cache (finding 7)',
      'us-gov-west-1',
      { upstream: 'ecr-public' },
      'registry.region: ECR has no pull through cache in us-gov-west-1 (partition aws-us-gov)',
    ],
    [
      'China, which has none either',
      'cn-north-1',
      { upstream: 'k8s' },
      'ECR has no pull through cache in cn-north-1 (partition aws-cn)',
    ],
    [
      'a secret of another Region',
      'eu-west-1',
      {
        upstream: 'docker-hub',
        credentialArn:
          'arn:aws:secretsmanager:us-east-1:111111111111:secret:ecr-pullthroughcache/d-AbCdEf',
      },
      'rules[0].credentialArn: docker-hub rule: the secret is in 111111111111/us-east-1, but the rule is in 111111111111/eu-west-1',
    ],
    [
      'a role of another account for an ECR upstream (finding 4)',
      'eu-west-1',
      {
        upstream: 'ecr',
        upstreamUrl: '333333333333.dkr.ecr.eu-west-1.amazonaws.com',
        customRoleArn: 'arn:aws:iam::333333333333:role/reader',
      },
      "rules[0].customRoleArn: ecr rule: the role is in account 333333333333 (aws); ECR assumes only a role of the cache registry's account 111111111111 (aws)",
    ],
    [
      'an ECR upstream whose host does not match its partition',
      'eu-west-1',
      {
        upstream: 'ecr',
        upstreamUrl: '333333333333.dkr.ecr.cn-north-1.amazonaws.com',
      },
      'rules[0].upstreamUrl: ecr rule: upstream URL "333333333333.dkr.ecr.cn-north-1.amazonaws.com" is missing or malformed',
    ],
  ])('refuses %s', (_, region, rule, message) => {
    expect(
      text(
        validatePullThroughCacheRules([rule], 'rules', {
          accountId: main.accountId,
          region,
        }),
      ),
    ).toContain(message);
  });

  it('needs a role only for an ECR upstream of another account (finding 4)', () => {
    const other = {
      upstream: 'ecr' as const,
      upstreamUrl: '333333333333.dkr.ecr.us-east-1.amazonaws.com',
    };
    expect(needsUpstreamRole(other, main)).toBe(true);
    expect(
      needsUpstreamRole(
        {
          ...other,
          upstreamUrl: '111111111111.dkr.ecr.us-east-1.amazonaws.com',
        },
        main,
      ),
    ).toBe(false);
    expect(needsUpstreamRole({ upstream: 'quay' }, main)).toBe(false);
  });

  test.each([
    [
      {
        principals: ['arn:aws:iam::111111111111:role/ci'],
        repositories: 'ecr-public/docker',
      },
      '',
    ],
    [{ principals: ['111111111111'], repositories: 'ecr-public' }, ''],
    [
      { principals: ['111111111111'], repositories: 'docker/x' },
      'grants[0].repositories: "docker/x" is not a cache namespace of this component (ecr-public)',
    ],
    [
      { principals: ['111111111111'], repositories: 'ecr-public/' },
      'is not a cache namespace',
    ],
    [
      {
        principals: ['arn:aws-cn:iam::111111111111:role/ci'],
        repositories: 'ecr-public',
      },
      'grants[0].principals[0]: "arn:aws-cn:iam::111111111111:role/ci" is in partition aws-cn, the registry in aws',
    ],
    [
      { principals: [], repositories: 'ecr-public' },
      'the grant names no principal',
    ],
  ])('checks the grant %j (finding 9)', (grant, message) => {
    const found = text(
      validatePullThroughCacheGrants([grant], ['ecr-public'], main),
    );
    if (message) expect(found).toContain(message);
    else expect(found).toBe('');
  });
});

describe('creation template settings', () => {
  it('makes cached repositories mutable by default (finding 2)', () => {
    expect(
      resolveCreationTemplateSettings('t', {}, 'PULL_THROUGH_CACHE')
        .imageTagMutability,
    ).toBe('MUTABLE');
    expect(
      resolveCreationTemplateSettings(
        't',
        { immutableTags: true, mutableTagFilters: ['latest'] },
        'PULL_THROUGH_CACHE',
      ),
    ).toEqual(
      expect.objectContaining({
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        exclusionFilters: [{ filter: 'latest', filterType: 'WILDCARD' }],
      }),
    );
    expect(resolveCreationTemplateSettings('t', {}).imageTagMutability).toBe(
      'IMMUTABLE',
    );
  });
  test.each<[object, 'PULL_THROUGH_CACHE' | 'REPLICATION', string]>([
    [
      { mutableTags: true },
      'PULL_THROUGH_CACHE',
      'mutableTags: cached repositories are MUTABLE unless immutableTags is set',
    ],
    [
      { mutableTagFilters: ['latest'] },
      'PULL_THROUGH_CACHE',
      'mutableTagFilters: mutableTagFilters exempt tags from immutability, but cached tags are mutable',
    ],
    [
      { immutableTags: true },
      'REPLICATION',
      'immutableTags: immutableTags only applies to cached repositories',
    ],
  ])('refuses %j for %s', (options, use, message) => {
    expect(() =>
      resolveCreationTemplateSettings('T "x"', options, use),
    ).toThrow(message);
  });
});

describe('roles ECR assumes', () => {
  it('lets ECR create, tag and encrypt from templates, in the registry only (finding 1)', () => {
    expect(creationTemplateRoleTrustPolicy().Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'ecr.amazonaws.com' },
        Action: 'sts:AssumeRole',
      },
    ]);
    const key = 'arn:aws-us-gov:kms:us-gov-west-1:111111111111:key/k';
    expect(
      creationTemplateRolePolicy(
        { accountId: '111111111111', region: 'us-gov-west-1' },
        [key],
      ).Statement,
    ).toEqual([
      expect.objectContaining({
        Action: [
          'ecr:CreateRepository',
          'ecr:ReplicateImage',
          'ecr:TagResource',
        ],
        Resource: 'arn:aws-us-gov:ecr:us-gov-west-1:111111111111:repository/*',
      }),
      expect.objectContaining({
        Action: ['kms:CreateGrant', 'kms:RetireGrant', 'kms:DescribeKey'],
        Resource: [key],
      }),
    ]);
    expect(creationTemplateRolePolicy(main, []).Statement).toHaveLength(1);
  });
  it("lets ECR pull through cache read another account's registry (finding 4)", () => {
    expect(upstreamRoleTrustPolicy().Statement[0].Principal).toEqual({
      Service: 'pullthroughcache.ecr.amazonaws.com',
    });
    const statements = upstreamRolePolicy(main, {
      accountId: '333333333333',
      region: 'us-east-1',
    }).Statement;
    expect(statements[1].Resource).toBe(
      'arn:aws:ecr:us-east-1:333333333333:repository/*',
    );
    expect(statements[2].Resource).toBe(
      'arn:aws:ecr:eu-west-1:111111111111:repository/*',
    );
  });
});

describe('partition facts', () => {
  test.each([
    [
      '111122223333.dkr.ecr.eu-west-1.amazonaws.com',
      { accountId: '111122223333', region: 'eu-west-1', partition: 'aws' },
    ],
    [
      '111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn',
      { accountId: '111122223333', region: 'cn-north-1', partition: 'aws-cn' },
    ],
    [
      '111122223333.dkr.ecr.us-gov-east-1.amazonaws.com',
      {
        accountId: '111122223333',
        region: 'us-gov-east-1',
        partition: 'aws-us-gov',
      },
    ],
    ['111122223333.dkr.ecr.cn-north-1.amazonaws.com', undefined],
    ['111122223333.dkr.ecr.mars-1.amazonaws.com', undefined],
    ['quay.io', undefined],
  ])('reads the registry host %s', (host, parts) => {
    expect(registryHostParts(host)).toEqual(parts);
  });
  test.each([
    'eusc-de-east-1',
    'us-isob-east-1',
    'cn-northwest-1',
    'mx-central-1',
  ])('knows the Region %s', region => {
    expect(validateRegion(region, 'r')).toEqual([]);
    expect(REGION_PATTERN.test(region)).toBe(true);
  });
  it('names roots and roles in their partition', () => {
    expect(accountRootArn('111122223333', 'aws-cn')).toBe(
      'arn:aws-cn:iam::111122223333:root',
    );
    expect(
      parseRoleArn('arn:aws-us-gov:iam::111122223333:role/path/ci'),
    ).toEqual({
      partition: 'aws-us-gov',
      accountId: '111122223333',
      name: 'ci',
    });
    expect(parseRoleArn('arn:aws:iam::111122223333:user/ci')).toBeUndefined();
  });
});

describe('replication and scanning as ECR takes them', () => {
  it('refuses a destination in another partition (finding 7)', () => {
    expect(
      text(
        validateReplicationRules(main, [
          {
            destinations: [
              { accountId: '222222222222', region: 'us-gov-west-1' },
            ],
          },
        ]),
      ),
    ).toContain(
      'rules[0].destinations[0].region: destination 222222222222/us-gov-west-1 is in partition aws-us-gov, the source in aws; ECR does not replicate across partitions',
    );
  });
  it('refuses MANUAL with enhanced scanning', () => {
    expect(
      text(
        validateScanning('ENHANCED', [{ frequency: 'MANUAL', filters: ['*'] }]),
      ),
    ).toContain(
      'rules[0].frequency: enhanced scanning has no MANUAL frequency',
    );
  });
});
