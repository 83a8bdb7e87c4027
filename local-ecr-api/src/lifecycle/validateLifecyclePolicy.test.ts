import { EcrApiError } from '../EcrApiError';
import { validateLifecyclePolicy } from './validateLifecyclePolicy';

type Json = Record<string, unknown>;

function rule(
  rulePriority: unknown,
  selection: Json,
  action: Json = { type: 'expire' },
): Json {
  return { rulePriority, selection, action };
}

function policy(...rules: unknown[]): string {
  return JSON.stringify({ rules });
}

const untaggedAge = {
  tagStatus: 'untagged',
  countType: 'sinceImagePushed',
  countUnit: 'days',
  countNumber: 14,
};
const taggedCount = (list: Json) => ({
  tagStatus: 'tagged',
  ...list,
  countType: 'imageCountMoreThan',
  countNumber: 10,
});
const archivedAge = {
  tagStatus: 'any',
  storageClass: 'archive',
  countType: 'sinceImageTransitioned',
  countUnit: 'days',
  countNumber: 365,
};
const unpulled = {
  tagStatus: 'any',
  countType: 'sinceImagePulled',
  countUnit: 'days',
  countNumber: 90,
};
const toArchive = { type: 'transition', targetStorageClass: 'archive' };

function rejection(text: string): EcrApiError {
  try {
    validateLifecyclePolicy(text);
  } catch (error) {
    return error as EcrApiError;
  }
  throw new Error(`accepted: ${text}`);
}

describe('validateLifecyclePolicy', () => {
  test.each<[string, string]>([
    // The examples in lifecycle_policy_examples.html, verbatim in structure.
    [
      'expiring prod* images older than 14 days',
      policy(
        rule(1, {
          tagStatus: 'tagged',
          tagPatternList: ['prod*'],
          countType: 'sinceImagePushed',
          countUnit: 'days',
          countNumber: 14,
        }),
      ),
    ],
    [
      'archiving images not pulled in 90 days',
      policy(rule(1, unpulled, toArchive)),
    ],
    ['expiring images archived for 365 days', policy(rule(1, archivedAge))],
    [
      'keeping one untagged image',
      policy(
        rule(1, {
          tagStatus: 'untagged',
          countType: 'imageCountMoreThan',
          countNumber: 1,
        }),
      ),
    ],
    [
      'tagged, untagged and any rules together',
      policy(
        rule(1, taggedCount({ tagPatternList: ['alpha*'] })),
        rule(2, untaggedAge),
        rule(3, {
          tagStatus: 'any',
          countType: 'imageCountMoreThan',
          countNumber: 1,
        }),
      ),
    ],
    [
      'an any rule per storage class (archive, then expire from archive)',
      policy(
        rule(
          1,
          {
            tagStatus: 'any',
            countType: 'sinceImagePushed',
            countUnit: 'days',
            countNumber: 30,
          },
          toArchive,
        ),
        rule(2, archivedAge),
      ),
    ],
    [
      'a tag prefix list',
      policy(rule(1, taggedCount({ tagPrefixList: ['prod', 'beta'] }))),
    ],
    [
      'four wildcards per pattern',
      policy(
        rule(
          1,
          taggedCount({ tagPatternList: ['*test*1*2*3', 'test*1*2*3*'] }),
        ),
      ),
    ],
    [
      'transitioning by image count',
      policy(rule(1, taggedCount({ tagPrefixList: ['v'] }), toArchive)),
    ],
    [
      'one untagged rule in each storage class',
      policy(
        rule(1, untaggedAge),
        rule(2, { ...archivedAge, tagStatus: 'untagged', countNumber: 90 }),
      ),
    ],
    [
      'the same prefix set in different storage classes',
      policy(
        rule(1, taggedCount({ tagPrefixList: ['prod'] })),
        rule(2, {
          ...archivedAge,
          tagStatus: 'tagged',
          tagPrefixList: ['prod'],
        }),
      ),
    ],
    [
      'the same tags as prefixes in one rule and as patterns in another',
      policy(
        rule(1, taggedCount({ tagPrefixList: ['prod'] })),
        rule(2, taggedCount({ tagPatternList: ['prod'] })),
      ),
    ],
    [
      'a description and an explicit standard storage class',
      policy({
        ...rule(1, { ...untaggedAge, storageClass: 'standard' }),
        description: 'Expire untagged images older than 14 days',
      }),
    ],
    [
      'exactly 90 days in archive',
      policy(rule(1, { ...archivedAge, countNumber: 90 })),
    ],
    [
      'priorities that are neither sequential nor in order',
      policy(
        rule(20, {
          tagStatus: 'any',
          countType: 'imageCountMoreThan',
          countNumber: 5,
        }),
        rule(5, untaggedAge),
      ),
    ],
    [
      '50 rules',
      policy(
        ...Array.from({ length: 50 }, (_, i) =>
          rule(i + 1, taggedCount({ tagPrefixList: [`p${i}`] })),
        ),
      ),
    ],
  ])('accepts %s', (_name, text) => {
    expect(validateLifecyclePolicy(text)).toEqual(JSON.parse(text));
  });

  test.each<[string, string, string]>([
    // Document structure
    [
      'text that is not JSON',
      '{"rules": [',
      'Could not map policyString into LifecyclePolicy.',
    ],
    ['a JSON array', '[]', 'Could not map policyString into LifecyclePolicy.'],
    ['no rules', '{}', 'object has missing required properties (["rules"])'],
    [
      'an unknown top-level property',
      JSON.stringify({ rules: [rule(1, untaggedAge)], foo: 1 }),
      'object instance has properties which are not allowed by the schema: (["foo"])',
    ],
    [
      'rules that are not a list',
      JSON.stringify({ rules: rule(1, untaggedAge) }),
      'instance type (object) does not match any allowed primitive type (allowed: ["array"]) at rules',
    ],
    [
      'an empty rule list',
      policy(),
      'array is too short: must have at least 1 elements but instance has 0 elements at rules',
    ],
    [
      'more than 50 rules',
      policy(
        ...Array.from({ length: 51 }, (_, i) =>
          rule(i + 1, taggedCount({ tagPrefixList: [`p${i}`] })),
        ),
      ),
      'array is too long: must have at most 50 elements but instance has 51 elements at rules',
    ],
    // Rule structure
    [
      'a rule that is not an object',
      policy('expire'),
      'instance type (string) does not match any allowed primitive type (allowed: ["object"]) at rules[0]',
    ],
    [
      'a rule without selection and action',
      policy({ rulePriority: 1 }),
      'object has missing required properties (["action","selection"]) at rules[0]',
    ],
    [
      'an unknown rule property',
      policy({ ...rule(1, untaggedAge), foo: 'bar' }),
      'object instance has properties which are not allowed by the schema: (["foo"]) at rules[0]',
    ],
    [
      'rulePriority 0',
      policy(rule(0, untaggedAge)),
      'numeric instance is lower than the required minimum (minimum: 1, found: 0) at rules[0].rulePriority',
    ],
    [
      'a fractional rulePriority',
      policy(rule(1.5, untaggedAge)),
      'instance type (number) does not match any allowed primitive type (allowed: ["integer"]) at rules[0].rulePriority',
    ],
    [
      'a rulePriority given as a string',
      policy(rule('1', untaggedAge)),
      'instance type (string) does not match any allowed primitive type (allowed: ["integer"]) at rules[0].rulePriority',
    ],
    [
      'a description that is not a string',
      policy({ ...rule(1, untaggedAge), description: 5 }),
      'instance type (integer) does not match any allowed primitive type (allowed: ["string"]) at rules[0].description',
    ],
    // Selection structure
    [
      'a selection without countNumber',
      policy(
        rule(1, { tagStatus: 'untagged', countType: 'imageCountMoreThan' }),
      ),
      'object has missing required properties (["countNumber"]) at rules[0].selection',
    ],
    [
      'an unknown selection property',
      policy(rule(1, { ...untaggedAge, tagPrefix: 'prod' })),
      'object instance has properties which are not allowed by the schema: (["tagPrefix"]) at rules[0].selection',
    ],
    [
      'tagStatus in upper case',
      policy(rule(1, { ...untaggedAge, tagStatus: 'UNTAGGED' })),
      'instance value (UNTAGGED) not found in enum (possible values: ["tagged","untagged","any"]) at rules[0].selection.tagStatus',
    ],
    [
      'an unknown countType',
      policy(rule(1, { ...untaggedAge, countType: 'sinceImageCreated' })),
      'instance value (sinceImageCreated) not found in enum (possible values: ["imageCountMoreThan","sinceImagePushed","sinceImagePulled","sinceImageTransitioned"]) at rules[0].selection.countType',
    ],
    [
      'countUnit hours',
      policy(rule(1, { ...untaggedAge, countUnit: 'hours' })),
      'instance value (hours) not found in enum (possible values: ["days"]) at rules[0].selection.countUnit',
    ],
    [
      'countNumber 0',
      policy(rule(1, { ...untaggedAge, countNumber: 0 })),
      'numeric instance is lower than the required minimum (minimum: 1, found: 0) at rules[0].selection.countNumber',
    ],
    [
      'an unknown storageClass',
      policy(rule(1, { ...untaggedAge, storageClass: 'glacier' })),
      'instance value (glacier) not found in enum (possible values: ["standard","archive"]) at rules[0].selection.storageClass',
    ],
    [
      'a tagPrefixList that is a string',
      policy(rule(1, taggedCount({ tagPrefixList: 'prod' }))),
      'instance type (string) does not match any allowed primitive type (allowed: ["array"]) at rules[0].selection.tagPrefixList',
    ],
    [
      'a tag prefix that is a number',
      policy(rule(1, taggedCount({ tagPrefixList: [1] }))),
      'instance type (integer) does not match any allowed primitive type (allowed: ["string"]) at rules[0].selection.tagPrefixList[0]',
    ],
    // Action structure
    [
      'action delete',
      policy(rule(1, untaggedAge, { type: 'delete' })),
      'instance value (delete) not found in enum (possible values: ["expire","transition"]) at rules[0].action.type',
    ],
    [
      'an action without type',
      policy(rule(1, untaggedAge, {})),
      'object has missing required properties (["type"]) at rules[0].action',
    ],
    [
      'an unknown action property',
      policy(rule(1, untaggedAge, { type: 'expire', days: 3 })),
      'object instance has properties which are not allowed by the schema: (["days"]) at rules[0].action',
    ],
    [
      'targetStorageClass standard',
      policy(
        rule(1, untaggedAge, {
          type: 'transition',
          targetStorageClass: 'standard',
        }),
      ),
      'instance value (standard) not found in enum (possible values: ["archive"]) at rules[0].action.targetStorageClass',
    ],
    // Priorities
    [
      'two rules with the same priority',
      policy(
        rule(1, untaggedAge),
        rule(1, taggedCount({ tagPrefixList: ['prod'] })),
      ),
      'rules[0] and rules[1] have the same rulePriority (1); each rule needs a unique rulePriority',
    ],
    // Tag criteria
    [
      'a tagged rule without a tag list',
      policy(rule(1, taggedCount({}))),
      'Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED at rules[0].selection',
    ],
    [
      'a tagged rule with an empty tag list',
      policy(rule(1, taggedCount({ tagPrefixList: [] }))),
      'array is too short: must have at least 1 elements but instance has 0 elements at rules[0].selection.tagPrefixList (tagStatus is tagged)',
    ],
    [
      'a tagged rule with both tag lists',
      policy(
        rule(1, taggedCount({ tagPrefixList: ['a'], tagPatternList: ['b*'] })),
      ),
      'only one of tagPrefixList and tagPatternList may be specified at rules[0].selection',
    ],
    [
      'an untagged rule with a prefix list',
      policy(rule(1, { ...untaggedAge, tagPrefixList: ['prod'] })),
      'object instance has properties which are not allowed by the schema: (["tagPrefixList"]) at rules[0].selection (tagStatus is untagged)',
    ],
    [
      'an any rule with an empty pattern list',
      policy(rule(1, { ...untaggedAge, tagStatus: 'any', tagPatternList: [] })),
      'object instance has properties which are not allowed by the schema: (["tagPatternList"]) at rules[0].selection (tagStatus is any)',
    ],
    [
      'a pattern with more than four wildcards',
      policy(
        rule(1, taggedCount({ tagPatternList: ['ok*', 'test*1*2*3*4*5*6'] })),
      ),
      'string "test*1*2*3*4*5*6" has too many wildcards (found: 6, maximum allowed: 4) at rules[0].selection.tagPatternList[1]',
    ],
    // Counting
    [
      'sinceImagePushed without countUnit',
      policy(
        rule(1, {
          tagStatus: 'untagged',
          countType: 'sinceImagePushed',
          countNumber: 14,
        }),
      ),
      'object has missing required properties (["countUnit"]) at rules[0].selection (countType is sinceImagePushed)',
    ],
    [
      'imageCountMoreThan with countUnit',
      policy(
        rule(1, {
          ...taggedCount({ tagPrefixList: ['v'] }),
          countUnit: 'days',
        }),
      ),
      'object instance has properties which are not allowed by the schema: (["countUnit"]) at rules[0].selection (countType is imageCountMoreThan)',
    ],
    // Storage classes
    [
      'sinceImageTransitioned without storageClass',
      policy(rule(1, { ...archivedAge, storageClass: undefined })),
      'object has missing required properties (["storageClass"]) at rules[0].selection (countType is sinceImageTransitioned)',
    ],
    [
      'sinceImageTransitioned on standard images',
      policy(rule(1, { ...archivedAge, storageClass: 'standard' })),
      'instance value (standard) not found in enum (possible values: ["archive"]) at rules[0].selection.storageClass (countType is sinceImageTransitioned)',
    ],
    [
      'sinceImagePushed on archived images',
      policy(rule(1, { ...untaggedAge, storageClass: 'archive' })),
      'instance value (archive) not found in enum (possible values: ["standard"]) at rules[0].selection.storageClass (countType is sinceImagePushed)',
    ],
    // Actions
    [
      'a transition without targetStorageClass',
      policy(rule(1, untaggedAge, { type: 'transition' })),
      'object has missing required properties (["targetStorageClass"]) at rules[0].action (action type is transition)',
    ],
    [
      'an expiry with targetStorageClass',
      policy(
        rule(1, untaggedAge, { type: 'expire', targetStorageClass: 'archive' }),
      ),
      'object instance has properties which are not allowed by the schema: (["targetStorageClass"]) at rules[0].action (action type is expire)',
    ],
    [
      'sinceImagePulled with expire',
      policy(rule(1, unpulled)),
      'instance value (expire) not found in enum (possible values: ["transition"]) at rules[0].action.type (countType is sinceImagePulled)',
    ],
    [
      'sinceImageTransitioned with transition',
      policy(rule(1, archivedAge, toArchive)),
      'instance value (transition) not found in enum (possible values: ["expire"]) at rules[0].action.type (countType is sinceImageTransitioned)',
    ],
    [
      'expiring archived images before 90 days',
      policy(rule(1, { ...archivedAge, countNumber: 30 })),
      'numeric instance is lower than the required minimum (minimum: 90, found: 30) at rules[0].selection.countNumber (archived images must stay in archive for 90 days before a rule may expire them)',
    ],
    // Rules of one storage class taken together
    [
      'an any rule that is not last',
      policy(
        rule(1, {
          tagStatus: 'any',
          countType: 'imageCountMoreThan',
          countNumber: 5,
        }),
        rule(2, untaggedAge),
      ),
      'Rule for tagStatus=ANY must have the lowest priority per storage class, but rulePriority 1 (tagStatus any) is followed by rulePriority 2 among the rules selecting standard images',
    ],
    [
      'two any rules for one storage class',
      policy(
        rule(3, {
          tagStatus: 'any',
          countType: 'imageCountMoreThan',
          countNumber: 5,
        }),
        rule(2, { ...untaggedAge, tagStatus: 'any' }),
      ),
      'Rule for tagStatus=ANY must have the lowest priority per storage class, but rulePriority 2 (tagStatus any) is followed by rulePriority 3 among the rules selecting standard images',
    ],
    [
      'two untagged rules',
      policy(
        rule(1, untaggedAge),
        rule(2, {
          tagStatus: 'untagged',
          countType: 'imageCountMoreThan',
          countNumber: 1,
        }),
      ),
      'Only one rule can select Untagged images per storage class, but rulePriority 1 and rulePriority 2 both select untagged standard images',
    ],
    [
      'two rules with the same tag-prefix set',
      policy(
        rule(1, taggedCount({ tagPrefixList: ['prod', 'beta'] })),
        rule(2, {
          tagStatus: 'tagged',
          tagPrefixList: ['beta', 'prod'],
          countType: 'sinceImagePushed',
          countUnit: 'days',
          countNumber: 30,
        }),
      ),
      'The set of rules selecting a storage class must contain a unique set of tag prefixes, but rulePriority 1 and rulePriority 2 both select standard images with tagPrefixList ["beta","prod"]',
    ],
    [
      'two rules with the same tag-pattern set',
      policy(
        rule(1, taggedCount({ tagPatternList: ['prod*'] })),
        rule(2, {
          ...taggedCount({ tagPatternList: ['prod*', 'prod*'] }),
          countNumber: 3,
        }),
      ),
      'The set of rules selecting a storage class must contain a unique set of tag patterns, but rulePriority 1 and rulePriority 2 both select standard images with tagPatternList ["prod*"]',
    ],
    // The first problem wins, and schema problems come before the rest.
    [
      'a schema problem in a later rule and a semantic one in an earlier rule',
      policy(
        rule(1, taggedCount({})),
        rule(2, untaggedAge, { type: 'delete' }),
      ),
      'instance value (delete) not found in enum (possible values: ["expire","transition"]) at rules[1].action.type',
    ],
  ])('rejects %s', (_name, text, reason) => {
    const error = rejection(text);
    expect(error).toBeInstanceOf(EcrApiError);
    expect(error.type).toBe('InvalidParameterException');
    expect(error.status).toBe(400);
    expect(error.message).toBe(
      `Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: ${reason}'`,
    );
  });
});
