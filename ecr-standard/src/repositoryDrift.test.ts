import type { ObservedRepositorySettings } from './index';
import {
  diffRepositorySettings,
  resolveRepositorySettings,
  samePolicy,
} from './index';

const desired = resolveRepositorySettings('test', {
  name: 'team/svc',
  entityRef: 'component:default/svc',
  pullAccounts: ['222222222222', '333333333333'],
});

function observedLike(
  overrides: Partial<ObservedRepositorySettings> = {},
): ObservedRepositorySettings {
  return {
    imageTagMutability: desired.imageTagMutability,
    exclusionFilters: [],
    scanOnPush: true,
    encryption: 'AES256',
    lifecyclePolicy: desired.lifecyclePolicy,
    policy: JSON.stringify(desired.policy),
    tags: { ...desired.tags, 'cost-center': '42' },
    ...overrides,
  };
}

describe('diffRepositorySettings', () => {
  it('finds no difference in a repository made to the standard, extra tags included', () => {
    expect(diffRepositorySettings(desired, observedLike())).toEqual([]);
  });

  it('ignores policy formatting, key order and principal order', () => {
    const reordered = {
      Statement: [
        {
          Action: [...(desired.policy?.Statement[0].Action ?? [])].reverse(),
          Principal: {
            AWS: [
              'arn:aws:iam::333333333333:root',
              'arn:aws:iam::222222222222:root',
            ],
          },
          Effect: 'Allow',
          Sid: 'PullForAccounts',
        },
      ],
      Version: '2012-10-17',
    };
    const lifecycle = JSON.stringify(
      JSON.parse(desired.lifecyclePolicy ?? ''),
      undefined,
      2,
    );
    expect(
      diffRepositorySettings(
        desired,
        observedLike({
          policy: JSON.stringify(reordered, undefined, 2),
          lifecyclePolicy: lifecycle,
        }),
      ),
    ).toEqual([]);
  });

  test.each<[string, Partial<ObservedRepositorySettings>, string[]]>([
    [
      'mutable tags',
      { imageTagMutability: 'MUTABLE' },
      ['imageTagMutability: IMMUTABLE ≠ MUTABLE'],
    ],
    [
      'exclusion filters',
      { exclusionFilters: [{ filter: 'dev-*', filterType: 'WILDCARD' }] },
      ['imageTagMutabilityExclusionFilters: none ≠ dev-* (WILDCARD)'],
    ],
    ['scan on push off', { scanOnPush: false }, ['scanOnPush: true ≠ false']],
    [
      'KMS encryption',
      { encryption: 'KMS', kmsKey: 'arn:aws:kms:eu-west-1:1:key/k' },
      ['encryption: AES256 ≠ KMS'],
    ],
    [
      'no lifecycle policy',
      { lifecyclePolicy: undefined },
      ['lifecyclePolicy: the policy from the inputs ≠ none'],
    ],
    [
      'another lifecycle policy',
      { lifecyclePolicy: '{"rules":[]}' },
      ['lifecyclePolicy: the policy from the inputs ≠ a different policy'],
    ],
    [
      'no repository policy',
      { policy: undefined },
      ['repositoryPolicy: the policy from the inputs ≠ none'],
    ],
    [
      'another owner and no standard tag',
      { tags: { 'backstage.io/entity-ref': 'component:default/other' } },
      [
        'tags.backstage.io/entity-ref: "component:default/svc" ≠ "component:default/other"',
        'tags.ecr-kit/standard: "v1" ≠ missing',
      ],
    ],
  ])('reports %s', (_, overrides, expected) => {
    expect(
      diffRepositorySettings(desired, observedLike(overrides)).map(
        d => `${d.field}: ${d.expected} ≠ ${d.actual}`,
      ),
    ).toEqual(expected);
  });

  it('checks the KMS key only when one was asked for, and extra requested tags', () => {
    const kms = resolveRepositorySettings('test', {
      name: 'svc',
      encryption: 'KMS',
      skipLifecyclePolicy: true,
    });
    const observed = observedLike({
      encryption: 'KMS',
      kmsKey: 'arn:aws:kms:eu-west-1:111111111111:key/aws-managed',
      lifecyclePolicy: undefined,
      policy: undefined,
      tags: { 'ecr-kit/standard': 'v1' },
    });
    expect(diffRepositorySettings(kms, observed)).toEqual([]);
    expect(
      diffRepositorySettings(kms, observed, {
        kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/mine',
        tags: { team: 'payments', 'ecr-kit/standard': 'v0' },
      }),
    ).toEqual([
      {
        field: 'kmsKey',
        expected: 'arn:aws:kms:eu-west-1:111111111111:key/mine',
        actual: 'arn:aws:kms:eu-west-1:111111111111:key/aws-managed',
      },
      { field: 'tags.team', expected: '"payments"', actual: 'missing' },
    ]);
  });

  it('reports a repository policy that the request does not have', () => {
    const none = resolveRepositorySettings('test', { name: 'svc' });
    expect(
      diffRepositorySettings(none, {
        ...observedLike(),
        lifecyclePolicy: none.lifecyclePolicy,
      }),
    ).toEqual([
      {
        field: 'repositoryPolicy',
        expected: 'none',
        actual: 'a different policy',
      },
    ]);
  });
});

describe('samePolicy', () => {
  test.each<[string, string, boolean]>([
    ['{"a":["x"]}', '{"a":"x"}', true],
    ['{"a":[{"b":1},{"c":2}]}', '{"a":[{"c":2},{"b":1}]}', false],
    ['not json', 'not json', true],
    ['not json', '{}', false],
  ])('%s vs %s → %s', (a, b, same) => {
    expect(samePolicy(a, b)).toBe(same);
  });
});
