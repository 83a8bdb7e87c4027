import {
  creationTemplateViolations,
  encryptionViolations,
  forceDeleteViolations,
  lifecyclePolicyViolations,
  publicPrincipalViolations,
  repositoryPolicyStatements,
  scanOnPushViolations,
  tagImmutabilityViolations,
  wildcardFilterMatches,
} from './index';

const fields = (violations: { field: string }[]) =>
  violations.map(v => v.field);

describe('tagImmutabilityViolations', () => {
  test.each([
    [{ imageTagMutability: 'IMMUTABLE' }, {}, []],
    [{}, {}, ['imageTagMutability']],
    [{ imageTagMutability: 'MUTABLE' }, {}, ['imageTagMutability']],
    [
      {
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        exclusionFilters: ['latest'],
      },
      {},
      [],
    ],
    [
      {
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        exclusionFilters: ['latest'],
      },
      { allowExclusions: false },
      ['imageTagMutability'],
    ],
    [
      { imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', exclusionFilters: [] },
      {},
      ['imageTagMutabilityExclusionFilters'],
    ],
  ])('%j with %j → %j', (facts, options, expected) => {
    expect(fields(tagImmutabilityViolations(facts, options))).toEqual(expected);
  });

  it('says ECR defaults to MUTABLE and how to fix it', () => {
    expect(tagImmutabilityViolations({})[0]).toEqual({
      field: 'imageTagMutability',
      message:
        '"MUTABLE" (ECR\'s default) lets a pushed tag move to another image, so a deployed tag no longer says what runs',
      fix: 'set imageTagMutability: "IMMUTABLE" (or "IMMUTABLE_WITH_EXCLUSION" with imageTagMutabilityExclusionFilters for tags that must move, e.g. latest)',
    });
  });
});

describe('scanOnPushViolations', () => {
  test.each([
    [{ scanOnPush: true }, false, 0],
    [{ scanOnPush: false }, true, 0],
    [{ scanOnPush: false }, false, 1],
    [{}, false, 1],
  ])('%j covered %s → %i', (facts, covered, count) => {
    expect(scanOnPushViolations(facts, covered)).toHaveLength(count);
  });
});

describe('encryptionViolations', () => {
  test.each([
    [{}, {}, []],
    [{ encryptionType: 'AES256' }, { requireKms: true }, ['e.encryptionType']],
    [{ encryptionType: 'KMS' }, { requireKms: true }, []],
    [
      { encryptionType: 'KMS_DSSE' },
      { requireKms: true, kmsKeyRequired: true },
      ['e.kmsKey'],
    ],
    [
      { encryptionType: 'KMS', kmsKey: 'arn:aws:kms:eu-west-1:1:key/k' },
      { requireKms: true, kmsKeyRequired: true },
      [],
    ],
    [{ encryptionType: 'ROT13' }, {}, ['e.encryptionType']],
  ])('%j with %j → %j', (facts, options, expected) => {
    expect(fields(encryptionViolations(facts, options, 'e'))).toEqual(expected);
  });
});

test.each([
  [true, 0],
  [false, 1],
])('lifecyclePolicyViolations(%s) → %i', (has, count) => {
  expect(lifecyclePolicyViolations(has)).toHaveLength(count);
});

test.each([
  [{}, 0],
  [{ forceDelete: false }, 0],
  [{ forceDelete: true }, 1],
])('forceDeleteViolations(%j) → %i', (facts, count) => {
  expect(forceDeleteViolations(facts)).toHaveLength(count);
});

describe('creationTemplateViolations', () => {
  const role = 'arn:aws:iam::111111111111:role/ecr-templates';
  test.each([
    [
      'cached, mutable, no tags',
      { appliedFor: ['PULL_THROUGH_CACHE'] },
      {},
      [],
    ],
    [
      'cached, tagged, no role',
      { appliedFor: ['PULL_THROUGH_CACHE'], resourceTags: { a: 'b' } },
      {},
      ['customRoleArn'],
    ],
    [
      'KMS, no role',
      { appliedFor: ['PULL_THROUGH_CACHE'], encryptionType: 'KMS' },
      {},
      ['customRoleArn'],
    ],
    [
      'tagged with a role',
      {
        appliedFor: ['PULL_THROUGH_CACHE'],
        resourceTags: { a: 'b' },
        customRoleArn: role,
      },
      {},
      [],
    ],
    [
      'cached immutable',
      { appliedFor: ['PULL_THROUGH_CACHE'], imageTagMutability: 'IMMUTABLE' },
      {},
      ['imageTagMutability'],
    ],
    [
      'cached immutable, allowed',
      { appliedFor: ['PULL_THROUGH_CACHE'], imageTagMutability: 'IMMUTABLE' },
      { allowImmutableCachedTags: true },
      [],
    ],
    [
      'replication mutable',
      { appliedFor: ['REPLICATION'] },
      {},
      ['imageTagMutability'],
    ],
    [
      'replication immutable',
      { appliedFor: ['REPLICATION'], imageTagMutability: 'IMMUTABLE' },
      {},
      [],
    ],
    [
      'AES256 where KMS is required',
      { appliedFor: ['REPLICATION'], imageTagMutability: 'IMMUTABLE' },
      { requireKms: true },
      ['encryptionConfigurations[0].encryptionType'],
    ],
  ])('%s', (_, facts, options, expected) => {
    expect(fields(creationTemplateViolations(facts, options))).toEqual(
      expected,
    );
  });

  it('names both reasons for a role', () => {
    expect(
      creationTemplateViolations({
        appliedFor: ['REPLICATION'],
        imageTagMutability: 'IMMUTABLE',
        resourceTags: { a: 'b' },
        encryptionType: 'KMS',
      })[0].message,
    ).toBe(
      'the template sets resourceTags and uses KMS without a role, so ECR fails to create the first repository from it',
    );
  });
});

describe('publicPrincipalViolations', () => {
  test.each([
    [
      'an account',
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::1:root' },
        Action: 'ecr:*',
      },
      0,
    ],
    [
      '"*"',
      { Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' },
      1,
    ],
    [
      '{ AWS: "*" }',
      { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'ecr:*' },
      1,
    ],
    [
      'a list with "*"',
      {
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::1:root', '*'] },
        Action: 'ecr:*',
      },
      1,
    ],
    [
      'NotPrincipal',
      {
        Effect: 'Allow',
        NotPrincipal: { AWS: 'arn:aws:iam::1:root' },
        Action: 'ecr:*',
      },
      1,
    ],
    ['"*" in a Deny', { Effect: 'Deny', Principal: '*', Action: 'ecr:*' }, 0],
    [
      '"*" scoped to an organization',
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'ecr:*',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } },
      },
      0,
    ],
    [
      '"*" with an unrelated condition',
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'ecr:*',
        Condition: { Bool: { 'aws:SecureTransport': 'true' } },
      },
      1,
    ],
  ] as const)('%s', (_, statement, count) => {
    expect(publicPrincipalViolations([statement])).toHaveLength(count);
  });

  it('accepts what the standard itself writes for organization pulls', () => {
    const { statements } = repositoryPolicyStatements({
      pullOrganizationIds: ['o-abcdefghij'],
    });
    expect(statements.length).toBeGreaterThan(0);
    expect(publicPrincipalViolations(statements)).toEqual([]);
  });
});

test.each([
  ['*', 'anything/at/all', true],
  ['payments/*', 'payments/api', true],
  ['payments/*', 'billing/api', false],
  ['a.b', 'aXb', false],
  ['release-*-final', 'release-1.2-final', true],
])('wildcardFilterMatches(%s, %s) → %s', (filter, value, expected) => {
  expect(wildcardFilterMatches(filter, value)).toBe(expected);
});
