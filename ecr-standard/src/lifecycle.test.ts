import type { LifecycleRule } from './index';
import {
  EcrStandardError,
  assignLifecyclePriorities,
  buildLifecyclePolicy,
  defaultLifecycleRules,
  lifecyclePolicyText,
} from './index';

const untagged: LifecycleRule = {
  tagStatus: 'untagged',
  countType: 'sinceImagePushed',
  countNumber: 7,
};
const any: LifecycleRule = {
  tagStatus: 'any',
  countType: 'imageCountMoreThan',
  countNumber: 100,
};
const tagged: LifecycleRule = {
  tagStatus: 'tagged',
  tagPrefixList: ['v'],
  countType: 'imageCountMoreThan',
  countNumber: 10,
};

describe('defaultLifecycleRules', () => {
  it('expires untagged images after 14 days and keeps 500 images', () => {
    expect(
      JSON.parse(lifecyclePolicyText('x', defaultLifecycleRules())),
    ).toEqual({
      rules: [
        {
          rulePriority: 1,
          description: 'Expire untagged images',
          selection: {
            tagStatus: 'untagged',
            countType: 'sinceImagePushed',
            countUnit: 'days',
            countNumber: 14,
          },
          action: { type: 'expire' },
        },
        {
          rulePriority: 2,
          description: 'Keep a bounded number of images',
          selection: {
            tagStatus: 'any',
            countType: 'imageCountMoreThan',
            countNumber: 500,
          },
          action: { type: 'expire' },
        },
      ],
    });
  });
});

describe('assignLifecyclePriorities', () => {
  test.each<[string, LifecycleRule[], number[]]>([
    ['list order', [untagged, tagged], [1, 2]],
    ['the any rule last', [any, untagged, tagged], [3, 1, 2]],
    [
      'explicit priorities kept, others fill gaps',
      [{ ...untagged, priority: 1 }, tagged, { ...tagged, priority: 2 }],
      [1, 3, 2],
    ],
    [
      'the any rule above explicit ones',
      [{ ...tagged, priority: 10 }, any],
      [10, 11],
    ],
  ])('%s', (_, rules, expected) => {
    expect(assignLifecyclePriorities(rules)).toEqual(expected);
  });
});

describe('buildLifecyclePolicy', () => {
  test.each<[string, LifecycleRule]>([
    ['tag prefixes', tagged],
    [
      'tag patterns with 4 wildcards',
      {
        tagStatus: 'tagged',
        tagPatternList: ['*a*b*c*'],
        countType: 'sinceImagePushed',
        countNumber: 3,
      },
    ],
    [
      'since pulled, archiving',
      {
        tagStatus: 'untagged',
        countType: 'sinceImagePulled',
        countUnit: 'days',
        countNumber: 30,
        action: 'transition',
      },
    ],
    [
      'transition to archive',
      {
        tagStatus: 'any',
        countType: 'sinceImagePushed',
        countNumber: 90,
        action: 'transition',
        storageClass: 'standard',
      },
    ],
    [
      'expire archived',
      {
        tagStatus: 'any',
        countType: 'sinceImageTransitioned',
        countNumber: 365,
        storageClass: 'archive',
      },
    ],
  ])('accepts %s', (_, rule) => {
    const { violations, document } = buildLifecyclePolicy([rule]);
    expect(violations).toEqual([]);
    expect(document?.rules[0].rulePriority).toBe(1);
  });

  it('writes the transition action and archive selection', () => {
    const { document } = buildLifecyclePolicy([
      {
        tagStatus: 'tagged',
        tagPatternList: ['rel-*'],
        countType: 'sinceImagePushed',
        countNumber: 90,
        action: 'transition',
      },
      {
        tagStatus: 'any',
        countType: 'sinceImageTransitioned',
        countNumber: 365,
      },
    ]);
    expect(document?.rules[0].action).toEqual({
      type: 'transition',
      targetStorageClass: 'archive',
    });
    expect(document?.rules[1].selection).toEqual({
      tagStatus: 'any',
      storageClass: 'archive',
      countType: 'sinceImageTransitioned',
      countUnit: 'days',
      countNumber: 365,
    });
  });

  test.each<[string, LifecycleRule[], string]>([
    [
      'no rules',
      [],
      'lifecycleRules: a lifecycle policy needs at least one rule; add a rule, or opt out',
    ],
    [
      'an unknown tag status',
      [{ ...untagged, tagStatus: 'some' as 'any' }],
      'lifecycleRules[0].tagStatus: rule 1: tagStatus "some" is not supported',
    ],
    [
      'tagged without lists',
      [{ ...tagged, tagPrefixList: undefined }],
      'lifecycleRules[0]: rule 1: a "tagged" rule needs tags to match; set tagPrefixList or tagPatternList',
    ],
    [
      'both lists',
      [{ ...tagged, tagPatternList: ['a*'] }],
      'tagPrefixList and tagPatternList cannot be combined',
    ],
    [
      'lists with untagged',
      [{ ...untagged, tagPatternList: ['a'] }],
      'lifecycleRules[0].tagPatternList: rule 1: tag lists are only allowed with tagStatus "tagged", not "untagged"',
    ],
    [
      'lists with any',
      [{ ...any, tagPrefixList: ['a'] }],
      'tag lists are only allowed with tagStatus "tagged", not "any"',
    ],
    [
      'an empty prefix',
      [{ ...tagged, tagPrefixList: [''] }],
      'lifecycleRules[0].tagPrefixList[0]: rule 1: empty tag prefix',
    ],
    [
      'an empty pattern',
      [{ ...tagged, tagPrefixList: undefined, tagPatternList: [''] }],
      'lifecycleRules[0].tagPatternList[0]: rule 1: empty tag pattern',
    ],
    [
      '5 wildcards',
      [{ ...tagged, tagPrefixList: undefined, tagPatternList: ['*a*b*c*d*'] }],
      'lifecycleRules[0].tagPatternList[0]: rule 1: "*a*b*c*d*" has 5 wildcards; use at most 4 "*" per pattern',
    ],
    [
      'an unknown count type',
      [{ ...untagged, countType: 'sinceForever' as 'sinceImagePushed' }],
      'countType "sinceForever" is not supported',
    ],
    [
      'a zero count',
      [{ ...untagged, countNumber: 0 }],
      'lifecycleRules[0].countNumber: rule 1: countNumber 0 is not a positive integer',
    ],
    [
      'a unit with a count',
      [{ ...any, countUnit: 'days' }],
      'lifecycleRules[0].countUnit: rule 1: countUnit is not allowed with imageCountMoreThan; remove countUnit',
    ],
    [
      'hours',
      [{ ...untagged, countUnit: 'hours' as 'days' }],
      'countUnit "hours" is not supported; use "days"',
    ],
    [
      'an unknown storage class',
      [{ ...untagged, storageClass: 'glacier' as 'archive' }],
      'storageClass "glacier" is not supported',
    ],
    [
      'standard for transitioned',
      [
        {
          ...any,
          countType: 'sinceImageTransitioned',
          storageClass: 'standard',
        },
      ],
      'sinceImageTransitioned selects archived images only',
    ],
    [
      'archive for pushed',
      [{ ...untagged, storageClass: 'archive' }],
      'storageClass "archive" only works with countType sinceImageTransitioned, not sinceImagePushed',
    ],
    [
      'an unknown action',
      [{ ...untagged, action: 'delete' as 'expire' }],
      'action "delete" is not supported',
    ],
    [
      'transitioning archived images',
      [{ ...any, countType: 'sinceImageTransitioned', action: 'transition' }],
      'archived images cannot be transitioned again',
    ],
    [
      'a fractional priority',
      [{ ...untagged, priority: 1.5 }],
      'lifecycleRules[0].priority: rule 1: priority 1.5 is not a positive integer',
    ],
    [
      'a duplicate priority',
      [
        { ...untagged, priority: 2, description: 'a' },
        { ...tagged, priority: 2, description: 'b' },
      ],
      'lifecycleRules[1].priority: rule 2 ("b"): priority 2 is already used by rule 1 ("a")',
    ],
    [
      'two any rules',
      [any, any],
      'lifecycleRules[1].tagStatus: rule 2: only one rule per storage class may have tagStatus "any" (rule 1 selects standard images too)',
    ],
    [
      'an any rule that is not last',
      [{ ...any, priority: 1 }, untagged],
      'lifecycleRules[0].priority: rule 1: a tagStatus "any" rule must have the highest priority among the rules selecting standard images, but 1 is not',
    ],
    [
      'sinceImagePulled with the default expire action (issue 13, finding 3)',
      [{ ...untagged, countType: 'sinceImagePulled' }],
      'lifecycleRules[0].action: rule 1: sinceImagePulled only archives images, but the action is the default "expire"; set action: "transition"',
    ],
    [
      'sinceImagePulled expiring explicitly',
      [{ ...untagged, countType: 'sinceImagePulled', action: 'expire' }],
      'sinceImagePulled only archives images, but the action is "expire"',
    ],
    [
      'two rules selecting untagged images (issue 13, finding 3)',
      [
        { ...untagged, description: 'a' },
        { ...untagged, description: 'b', countNumber: 30 },
      ],
      'lifecycleRules[1].tagStatus: rule 2 ("b"): rule 1 ("a") already selects untagged standard images; ECR takes one such rule per storage class; merge the untagged rules into one',
    ],
    [
      'two rules with the same tag-prefix set (issue 13, finding 3)',
      [
        { ...tagged, tagPrefixList: ['v', 'release'] },
        { ...tagged, tagPrefixList: ['release', 'v'], countNumber: 99 },
      ],
      'lifecycleRules[1].tagPrefixList: rule 2: rule 1 selects the same tagPrefixList ["release","v"] for standard images',
    ],
    [
      'expiring archived images before 90 days',
      [{ ...any, countType: 'sinceImageTransitioned', countNumber: 30 }],
      'lifecycleRules[0].countNumber: rule 1: archived images stay archived for at least 90 days, not 30',
    ],
    [
      '51 rules',
      Array.from({ length: 51 }, (_, i) => ({
        ...tagged,
        tagPrefixList: [`p${i}`],
      })),
      'lifecycleRules: 51 lifecycle rules; ECR takes at most 50',
    ],
    [
      'a policy over 30,720 characters',
      Array.from({ length: 40 }, (_, i) => ({
        ...tagged,
        tagPrefixList: [`${i}`.padStart(800, 'x')],
      })),
      'lifecycleRules: the lifecycle policy text has',
    ],
  ])('rejects %s', (_, rules, message) => {
    const { violations } = buildLifecyclePolicy(rules);
    expect(
      violations.map(v => `${v.field}: ${v.message}; ${v.fix}`).join(' | '),
    ).toContain(message);
    expect(() => lifecyclePolicyText('Repository "x"', rules)).toThrow(
      EcrStandardError,
    );
  });
});

describe('storage classes', () => {
  it('takes an any rule per storage class, as the archive-then-expire example does', () => {
    const { violations } = buildLifecyclePolicy([
      {
        tagStatus: 'any',
        countType: 'sinceImagePushed',
        countNumber: 180,
        action: 'transition',
      },
      {
        tagStatus: 'any',
        countType: 'sinceImageTransitioned',
        countNumber: 365,
      },
    ]);
    expect(violations).toEqual([]);
  });
});
