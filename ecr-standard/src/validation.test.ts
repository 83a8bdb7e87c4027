import type { RegistryContribution, StandardViolation } from './index';
import {
  mergeRegistryContributions,
  resolveLifecyclePolicy,
  resolveTagMutability,
  validateOrganizationId,
  validatePullThroughCacheRules,
  validateRegistryIdentity,
  validateReplicationRules,
  validateScanning,
} from './index';

const main = { accountId: '111111111111', region: 'eu-west-1' };
const other = { accountId: '222222222222', region: 'eu-west-1' };
const secret =
  'arn:aws:secretsmanager:eu-west-1:111111111111:secret:ecr-pullthroughcache/x';
const text = (violations: StandardViolation[]) =>
  violations.map(v => `${v.field}: ${v.message}; ${v.fix}`).join(' | ');

test.each<[string, () => StandardViolation[], string]>([
  [
    'no registry',
    () => validateRegistryIdentity(undefined, 'registry'),
    'registry: the registry (account and Region) is required',
  ],
  [
    'a bad organization',
    () => validateOrganizationId('o-1', 'org'),
    'org: "o-1" is not an AWS Organizations ID',
  ],
  [
    'no cache rules',
    () => validatePullThroughCacheRules([]),
    'rules: no pull-through cache rule given',
  ],
  [
    'an unknown upstream',
    () => validatePullThroughCacheRules([{ upstream: 'x' as 'quay' }]),
    'rules[0].upstream: upstream "x" is not supported',
  ],
  [
    'a bad prefix',
    () => validatePullThroughCacheRules([{ upstream: 'quay', prefix: 'A' }]),
    'rules[0].prefix: quay rule: namespace prefix "A" is not valid',
  ],
  [
    'a reserved prefix',
    () => validatePullThroughCacheRules([{ upstream: 'quay', prefix: 'root' }]),
    'namespace prefix "root" is reserved',
  ],
  [
    'a duplicate prefix',
    () =>
      validatePullThroughCacheRules([
        { upstream: 'quay' },
        { upstream: 'k8s', prefix: 'quay' },
      ]),
    'rules[1].prefix: k8s rule: namespace prefix "quay" is already used by rules[0]',
  ],
  [
    'a wrong URL',
    () =>
      validatePullThroughCacheRules([
        { upstream: 'k8s', upstreamUrl: 'k8s.gcr.io' },
      ]),
    'the k8s upstream is always "registry.k8s.io"',
  ],
  [
    'a missing URL',
    () => validatePullThroughCacheRules([{ upstream: 'ecr' }]),
    'rules[0].upstreamUrl: ecr rule: upstream URL undefined is missing or malformed; give the registry host, e.g. "123456789012.dkr.ecr.eu-west-1.amazonaws.com"',
  ],
  [
    'two credential kinds',
    () =>
      validatePullThroughCacheRules([
        { upstream: 'github', credentialArn: secret, createsCredential: true },
      ]),
    'give credentialArn or credentials, not both',
  ],
  [
    'missing credentials',
    () => validatePullThroughCacheRules([{ upstream: 'gitlab' }]),
    'gitlab needs upstream credentials',
  ],
  [
    'unwanted credentials',
    () =>
      validatePullThroughCacheRules([
        { upstream: 'k8s', createsCredential: true },
      ]),
    'k8s does not take credentials',
  ],
  [
    'a foreign secret',
    () =>
      validatePullThroughCacheRules([
        {
          upstream: 'github',
          credentialArn:
            'arn:aws:secretsmanager:eu-west-1:111111111111:secret:gh',
        },
      ]),
    'is not the ARN of an "ecr-pullthroughcache/" secret',
  ],
  [
    'a bad secret name',
    () =>
      validatePullThroughCacheRules([
        { upstream: 'github', createsCredential: true, secretName: 'gh' },
      ]),
    'secret name "gh" does not start with "ecr-pullthroughcache/"',
  ],
  [
    'ECR options elsewhere',
    () =>
      validatePullThroughCacheRules([{ upstream: 'quay', customRoleArn: 'r' }]),
    'upstreamRepositoryPrefix and customRoleArn only apply to ECR upstreams',
  ],
  [
    'no replication rules',
    () => validateReplicationRules(main, []),
    'rules: no replication rule given',
  ],
  [
    '11 replication rules',
    () =>
      validateReplicationRules(
        main,
        Array.from({ length: 11 }, () => ({ destinations: [other] })),
      ),
    'use at most 10 rules',
  ],
  [
    'no destinations',
    () => validateReplicationRules(main, [{ destinations: [] }]),
    'rules[0].destinations: the rule has no destination',
  ],
  [
    'the source as destination',
    () => validateReplicationRules(main, [{ destinations: [main] }]),
    'destination 111111111111/eu-west-1 is the source registry itself',
  ],
  [
    '101 prefixes',
    () =>
      validateReplicationRules(main, [
        {
          destinations: [other],
          repositoryPrefixes: Array.from({ length: 101 }, (_, i) => `p${i}`),
        },
      ]),
    'use at most 100 prefixes per rule',
  ],
  [
    'a bad prefix filter',
    () =>
      validateReplicationRules(main, [
        { destinations: [other], repositoryPrefixes: ['A'] },
      ]),
    'rules[0].repositoryPrefixes[0]: "A" is not a repository name prefix',
  ],
  [
    '26 destinations',
    () =>
      validateReplicationRules(main, [
        {
          destinations: Array.from({ length: 26 }, (_, i) => ({
            accountId: String(300000000000 + i),
            region: 'eu-west-1',
          })),
        },
      ]),
    '26 unique destinations',
  ],
  [
    'a bad scan type',
    () => validateScanning('X' as 'BASIC', []),
    'scanType: scan type "X" is not supported',
  ],
  [
    '3 scanning rules',
    () =>
      validateScanning('ENHANCED', [
        { frequency: 'MANUAL', filters: ['*'] },
        { frequency: 'SCAN_ON_PUSH', filters: ['*'] },
        { frequency: 'CONTINUOUS_SCAN', filters: ['*'] },
      ]),
    'rules: 3 scanning rules',
  ],
  [
    'an unknown frequency',
    () =>
      validateScanning('BASIC', [
        { frequency: 'X' as 'MANUAL', filters: ['*'] },
      ]),
    'rules[0].frequency: frequency "X" is not supported',
  ],
  [
    'continuous basic scanning',
    () =>
      validateScanning('BASIC', [
        { frequency: 'CONTINUOUS_SCAN', filters: ['*'] },
      ]),
    'CONTINUOUS_SCAN needs enhanced scanning',
  ],
  [
    'a repeated frequency',
    () =>
      validateScanning('BASIC', [
        { frequency: 'MANUAL', filters: ['*'] },
        { frequency: 'MANUAL', filters: ['a'] },
      ]),
    'rules[1].frequency: a second MANUAL rule',
  ],
  [
    'no filters',
    () => validateScanning('BASIC', [{ frequency: 'MANUAL', filters: [] }]),
    'rules[0].filters: 0 filters',
  ],
  [
    'a bad filter',
    () => validateScanning('BASIC', [{ frequency: 'MANUAL', filters: ['A'] }]),
    'rules[0].filters[0]: "A" is not a wildcard repository filter',
  ],
  [
    'filters with mutable tags',
    () =>
      resolveTagMutability({ mutableTags: true, mutableTagFilters: ['a'] })
        .violations,
    'exclusion filters make no sense',
  ],
  [
    'an empty filter list',
    () => resolveTagMutability({ mutableTagFilters: [] }).violations,
    'an empty filter list was given',
  ],
  [
    '6 filters',
    () =>
      resolveTagMutability({
        mutableTagFilters: ['a', 'b', 'c', 'd', 'e', 'f'],
      }).violations,
    '6 filters given; use at most 5 filters',
  ],
  [
    'a bad filter character',
    () => resolveTagMutability({ mutableTagFilters: ['a b'] }).violations,
    'mutableTagFilters[0]: "a b" is not a valid exclusion filter',
  ],
  [
    '3 wildcards',
    () => resolveTagMutability({ mutableTagFilters: ['*-*-*'] }).violations,
    '"*-*-*" has 3 wildcards; use at most 2',
  ],
  [
    'rules while skipped',
    () =>
      resolveLifecyclePolicy({ skipLifecyclePolicy: true, lifecycleRules: [] })
        .violations,
    'lifecycleRules: lifecycleRules is set but the lifecycle policy is skipped',
  ],
  [
    'shaping custom rules',
    () =>
      resolveLifecyclePolicy({
        maxImageCount: 3,
        lifecycleRules: [
          { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1 },
        ],
      }).violations,
    'maxImageCount: maxImageCount only shapes the standard rules',
  ],
])('reports %s', (_, run, message) => {
  expect(text(run())).toContain(message);
});

describe('mergeRegistryContributions', () => {
  const statement = (Sid: string, Effect: 'Allow' | 'Deny' = 'Allow') => ({
    Sid,
    Effect,
    Principal: { AWS: 'arn:aws:iam::333333333333:root' },
    Action: 'ecr:*',
    Resource: 'arn:aws:ecr:eu-west-1:111111111111:repository/*',
  });
  it('keeps one copy of an identical statement and rejects a different one with the same Sid', () => {
    const contributions: RegistryContribution[] = [
      { owner: 'a', policyStatements: [statement('A')] },
      { owner: 'b', policyStatements: [statement('A')] },
      { owner: 'c', policyStatements: [statement('A', 'Deny')] },
    ];
    const { settings, violations } = mergeRegistryContributions(
      main,
      contributions,
    );
    expect(settings.policy?.Statement).toHaveLength(1);
    expect(text(violations)).toBe(
      'policyStatements: c and a contribute different registry policy statements with Sid "A"; give the statements different Sids or remove one of them',
    );
  });
  it('merges replication rules and checks the limits on the merged set', () => {
    const rule = { destinations: [other] };
    const { settings, violations } = mergeRegistryContributions(main, [
      { owner: 'a', replicationRules: Array.from({ length: 6 }, () => rule) },
      { owner: 'b', replicationRules: Array.from({ length: 5 }, () => rule) },
    ]);
    expect(settings.replicationRules).toHaveLength(11);
    expect(text(violations)).toContain(
      'replicationRules: 11 replication rules for registry 111111111111/eu-west-1',
    );
  });
});
