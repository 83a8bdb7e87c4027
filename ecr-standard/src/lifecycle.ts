import type { StandardViolation } from './EcrStandardError';
import { throwIfViolations } from './EcrStandardError';
import {
  DEFAULT_MAX_IMAGE_COUNT,
  DEFAULT_UNTAGGED_EXPIRY_DAYS,
} from './defaults';

// Each closed set of strings is a const object (its values, for enums in other languages'
// schemas) and a type of the same name (its union, for TypeScript callers).

/**
 * Which images a lifecycle rule looks at by tag.
 *
 * @public
 */
export const LifecycleTagStatus = {
  /** Every image. */
  Any: 'any',
  /** Images with a tag matching the rule's prefixes or patterns. */
  Tagged: 'tagged',
  /** Images without a tag. */
  Untagged: 'untagged',
} as const;
/**
 * Which images a lifecycle rule looks at by tag.
 *
 * @public
 */
export type LifecycleTagStatus =
  (typeof LifecycleTagStatus)[keyof typeof LifecycleTagStatus];

/**
 * What a lifecycle rule counts.
 *
 * @public
 */
export const LifecycleCountType = {
  /** Images beyond `countNumber`, newest kept. */
  ImageCountMoreThan: 'imageCountMoreThan',
  /** Days since the image was pushed. */
  SinceImagePushed: 'sinceImagePushed',
  /** Days since the image was last pulled (archives only). */
  SinceImagePulled: 'sinceImagePulled',
  /** Days since the image was archived (expires only, at least 90). */
  SinceImageTransitioned: 'sinceImageTransitioned',
} as const;
/**
 * What a lifecycle rule counts.
 *
 * @public
 */
export type LifecycleCountType =
  (typeof LifecycleCountType)[keyof typeof LifecycleCountType];

/**
 * Storage class of images: `standard`, or `archive` after a `transition` action.
 *
 * @public
 */
export const LifecycleStorageClass = {
  Standard: 'standard',
  Archive: 'archive',
} as const;
/**
 * Storage class of images: `standard`, or `archive` after a `transition` action.
 *
 * @public
 */
export type LifecycleStorageClass =
  (typeof LifecycleStorageClass)[keyof typeof LifecycleStorageClass];

/**
 * `expire` deletes the selected images; `transition` moves them to the archive storage class.
 *
 * @public
 */
export const LifecycleActionType = {
  Expire: 'expire',
  Transition: 'transition',
} as const;
/**
 * `expire` deletes the selected images; `transition` moves them to the archive storage class.
 *
 * @public
 */
export type LifecycleActionType =
  (typeof LifecycleActionType)[keyof typeof LifecycleActionType];

/**
 * One lifecycle rule as the caller writes it.
 *
 * @public
 */
export interface LifecycleRule {
  /** Shown in the console and in error messages. Default: none. */
  readonly description?: string;
  /**
   * Evaluation order, lowest first. Default: assigned automatically in list order
   * (an `any` rule gets the highest priority).
   */
  readonly priority?: number;
  /** Which images the rule selects by tag. */
  readonly tagStatus: LifecycleTagStatus;
  /** Tag prefixes (`tagged` only). Default: none. */
  readonly tagPrefixList?: readonly string[];
  /** Tag patterns with up to 4 `*` wildcards each (`tagged` only). Default: none. */
  readonly tagPatternList?: readonly string[];
  /** What the rule counts. */
  readonly countType: LifecycleCountType;
  /** Image count or number of days, a positive integer. */
  readonly countNumber: number;
  /** Unit of the `since…` count types. Default: `days` for them, absent for `imageCountMoreThan`. */
  readonly countUnit?: 'days';
  /**
   * Storage class of the images the rule selects. Default: `archive` for
   * `sinceImageTransitioned`, otherwise `standard`.
   */
  readonly storageClass?: LifecycleStorageClass;
  /** Default: `expire`. `transition` moves images to the `archive` storage class. */
  readonly action?: LifecycleActionType;
}

/**
 * A rule of the lifecycle policy JSON document that Amazon ECR accepts.
 *
 * @public
 */
export interface LifecyclePolicyRuleDocument {
  readonly rulePriority: number;
  readonly description?: string;
  readonly selection: {
    readonly tagStatus: LifecycleTagStatus;
    readonly tagPrefixList?: readonly string[];
    readonly tagPatternList?: readonly string[];
    readonly storageClass?: LifecycleStorageClass;
    readonly countType: LifecycleCountType;
    readonly countUnit?: 'days';
    readonly countNumber: number;
  };
  readonly action: {
    readonly type: LifecycleActionType;
    readonly targetStorageClass?: 'archive';
  };
}

/**
 * The lifecycle policy JSON document that Amazon ECR accepts.
 *
 * @public
 */
export interface LifecyclePolicyDocument {
  readonly rules: readonly LifecyclePolicyRuleDocument[];
}

/**
 * Lifecycle policy text limits of Amazon ECR.
 *
 * @public
 */
export const LIFECYCLE_POLICY_MIN_LENGTH = 100;
/** @public */
export const LIFECYCLE_POLICY_MAX_LENGTH = 30720;
/**
 * Most `*` wildcards ECR accepts in one `tagPatternList` entry.
 *
 * @public
 */
export const MAX_TAG_PATTERN_WILDCARDS = 4;
/**
 * Most rules in one lifecycle policy (Amazon ECR service quotas, not adjustable).
 *
 * @public
 */
export const MAX_LIFECYCLE_RULES = 50;
/**
 * Days an archived image stays archived before a rule may expire it (ECR user guide,
 * archive-image: archived images have a 90-day minimum storage duration).
 *
 * @public
 */
export const MIN_DAYS_IN_ARCHIVE = 90;

const TAG_STATUSES: readonly string[] = Object.values(LifecycleTagStatus);
const COUNT_TYPES: readonly string[] = Object.values(LifecycleCountType);
const ACTIONS: readonly string[] = Object.values(LifecycleActionType);
const STORAGE_CLASSES: readonly string[] = Object.values(LifecycleStorageClass);

/**
 * Options of the standard default lifecycle rules.
 *
 * @public
 */
export interface DefaultLifecycleOptions {
  /** Default: {@link DEFAULT_UNTAGGED_EXPIRY_DAYS} (14). */
  readonly untaggedExpiryDays?: number;
  /** Default: {@link DEFAULT_MAX_IMAGE_COUNT} (500). */
  readonly maxImageCount?: number;
}

/**
 * The standard lifecycle rules: expire untagged images `untaggedExpiryDays` after push,
 * then keep at most `maxImageCount` images of any tag status.
 *
 * @public
 */
export function defaultLifecycleRules(
  options: DefaultLifecycleOptions = {},
): LifecycleRule[] {
  return [
    {
      description: 'Expire untagged images',
      tagStatus: 'untagged',
      countType: 'sinceImagePushed',
      countUnit: 'days',
      countNumber: options.untaggedExpiryDays ?? DEFAULT_UNTAGGED_EXPIRY_DAYS,
    },
    {
      description: 'Keep a bounded number of images',
      tagStatus: 'any',
      countType: 'imageCountMoreThan',
      countNumber: options.maxImageCount ?? DEFAULT_MAX_IMAGE_COUNT,
    },
  ];
}

function ruleLabel(rule: LifecycleRule, index: number): string {
  return rule.description
    ? `rule ${index + 1} ("${rule.description}")`
    : `rule ${index + 1}`;
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function validateRule(
  rule: LifecycleRule,
  index: number,
  field: string,
): StandardViolation[] {
  const at = `${field}[${index}]`;
  const label = ruleLabel(rule, index);
  const violations: StandardViolation[] = [];
  const add = (sub: string, message: string, fix: string) =>
    violations.push({
      field: `${at}${sub}`,
      message: `${label}: ${message}`,
      fix,
    });

  if (!TAG_STATUSES.includes(rule.tagStatus)) {
    add(
      '.tagStatus',
      `tagStatus "${rule.tagStatus}" is not supported`,
      'use "any", "tagged" or "untagged"',
    );
  }
  const prefixes = rule.tagPrefixList ?? [];
  const patterns = rule.tagPatternList ?? [];
  if (rule.tagStatus === 'tagged') {
    if (prefixes.length === 0 && patterns.length === 0) {
      add(
        '',
        'a "tagged" rule needs tags to match',
        'set tagPrefixList or tagPatternList',
      );
    }
    if (prefixes.length > 0 && patterns.length > 0) {
      add(
        '',
        'tagPrefixList and tagPatternList cannot be combined',
        'keep one of them (split the rule in two if needed)',
      );
    }
  } else if (prefixes.length > 0 || patterns.length > 0) {
    add(
      prefixes.length > 0 ? '.tagPrefixList' : '.tagPatternList',
      `tag lists are only allowed with tagStatus "tagged", not "${rule.tagStatus}"`,
      'set tagStatus to "tagged" or remove the tag list',
    );
  }
  prefixes.forEach((prefix, i) => {
    if (typeof prefix !== 'string' || prefix.length === 0) {
      add(
        `.tagPrefixList[${i}]`,
        'empty tag prefix',
        'remove it or give a non-empty prefix',
      );
    }
  });
  patterns.forEach((pattern, i) => {
    if (typeof pattern !== 'string' || pattern.length === 0) {
      add(
        `.tagPatternList[${i}]`,
        'empty tag pattern',
        'remove it or give a non-empty pattern',
      );
    } else if (pattern.split('*').length - 1 > MAX_TAG_PATTERN_WILDCARDS) {
      add(
        `.tagPatternList[${i}]`,
        `"${pattern}" has ${pattern.split('*').length - 1} wildcards`,
        `use at most ${MAX_TAG_PATTERN_WILDCARDS} "*" per pattern`,
      );
    }
  });

  if (!COUNT_TYPES.includes(rule.countType)) {
    add(
      '.countType',
      `countType "${rule.countType}" is not supported`,
      `use one of ${COUNT_TYPES.join(', ')}`,
    );
  }
  if (!isPositiveInteger(rule.countNumber)) {
    add(
      '.countNumber',
      `countNumber ${JSON.stringify(rule.countNumber)} is not a positive integer`,
      'use a whole number of images or days, at least 1',
    );
  }
  if (rule.countType === 'imageCountMoreThan' && rule.countUnit !== undefined) {
    add(
      '.countUnit',
      'countUnit is not allowed with imageCountMoreThan',
      'remove countUnit',
    );
  }
  if (rule.countUnit !== undefined && rule.countUnit !== 'days') {
    add(
      '.countUnit',
      `countUnit "${rule.countUnit}" is not supported`,
      'use "days"',
    );
  }
  if (
    rule.storageClass !== undefined &&
    !STORAGE_CLASSES.includes(rule.storageClass)
  ) {
    add(
      '.storageClass',
      `storageClass "${rule.storageClass}" is not supported`,
      'use "standard" or "archive"',
    );
  }
  if (
    rule.countType === 'sinceImageTransitioned' &&
    rule.storageClass === 'standard'
  ) {
    add(
      '.storageClass',
      'sinceImageTransitioned selects archived images only',
      'set storageClass to "archive" or leave it out',
    );
  }
  if (
    rule.countType !== 'sinceImageTransitioned' &&
    rule.storageClass === 'archive'
  ) {
    add(
      '.storageClass',
      `storageClass "archive" only works with countType sinceImageTransitioned, not ${rule.countType}`,
      'use countType "sinceImageTransitioned" or storageClass "standard"',
    );
  }
  const action = rule.action ?? 'expire';
  if (rule.countType === 'sinceImagePulled' && action !== 'transition') {
    // ECR pairs sinceImagePulled with transition only (lifecycle_policy_parameters; AWS says
    // so on aws/containers-roadmap#921): images not pulled for a while are archived, never
    // deleted by that rule.
    add(
      '.action',
      `sinceImagePulled only archives images, but the action is ${rule.action === undefined ? 'the default "expire"' : `"${action}"`}`,
      'set action: "transition" (to archive), or count sinceImagePushed to expire',
    );
  }
  if (
    rule.countType === 'sinceImageTransitioned' &&
    isPositiveInteger(rule.countNumber) &&
    rule.countNumber < MIN_DAYS_IN_ARCHIVE
  ) {
    add(
      '.countNumber',
      `archived images stay archived for at least ${MIN_DAYS_IN_ARCHIVE} days, not ${rule.countNumber}`,
      `use countNumber ${MIN_DAYS_IN_ARCHIVE} or more`,
    );
  }
  if (!ACTIONS.includes(action)) {
    add(
      '.action',
      `action "${action}" is not supported`,
      'use "expire" or "transition"',
    );
  }
  if (action === 'transition' && rule.countType === 'sinceImageTransitioned') {
    add(
      '.action',
      'archived images cannot be transitioned again',
      'use action "expire" for sinceImageTransitioned rules',
    );
  }
  if (rule.priority !== undefined && !isPositiveInteger(rule.priority)) {
    add(
      '.priority',
      `priority ${JSON.stringify(rule.priority)} is not a positive integer`,
      'use a whole number from 1, or leave it out for automatic ordering',
    );
  }
  return violations;
}

/**
 * Assigns rule priorities: explicit ones are kept; the others take the lowest free
 * numbers in list order, except an `any` rule without one, which comes last.
 *
 * @public
 */
export function assignLifecyclePriorities(
  rules: readonly LifecycleRule[],
): number[] {
  const used = new Set(rules.map(r => r.priority).filter(isPositiveInteger));
  let next = 1;
  const priorities = rules.map(rule => {
    if (rule.priority !== undefined || rule.tagStatus === 'any') {
      return rule.priority ?? 0;
    }
    while (used.has(next)) next++;
    used.add(next);
    return next;
  });
  const highest = Math.max(0, ...used);
  let last = highest;
  return priorities.map((priority, i) =>
    rules[i].priority === undefined && rules[i].tagStatus === 'any'
      ? ++last
      : priority,
  );
}

/** The storage class a rule selects: `archive` for `sinceImageTransitioned`, else its own. */
function selectedStorageClass(rule: LifecycleRule): LifecycleStorageClass {
  return rule.countType === 'sinceImageTransitioned'
    ? 'archive'
    : (rule.storageClass ?? 'standard');
}

/**
 * ECR's checks among the rules that select one storage class (lifecycle_policy_parameters,
 * LifecyclePolicies "how lifecycle policies work", lifecycle_policy_examples): at most one
 * `any` rule, evaluated last; one rule for untagged images; no two rules with the same set of
 * tag prefixes, nor of tag patterns.
 */
function storageClassViolations(
  rules: readonly LifecycleRule[],
  priorities: readonly number[],
  field: string,
): StandardViolation[] {
  const violations: StandardViolation[] = [];
  for (const storageClass of STORAGE_CLASSES as LifecycleStorageClass[]) {
    const group = rules.flatMap((rule, i) =>
      selectedStorageClass(rule) === storageClass ? [i] : [],
    );
    const label = (i: number) => ruleLabel(rules[i], i);
    const anyRules = group.filter(i => rules[i].tagStatus === 'any');
    if (anyRules.length > 1) {
      violations.push({
        field: `${field}[${anyRules[1]}].tagStatus`,
        message: `${label(anyRules[1])}: only one rule per storage class may have tagStatus "any" (${label(anyRules[0])} selects ${storageClass} images too)`,
        fix: 'merge the "any" rules into one, or make the others "tagged"/"untagged"',
      });
    } else if (anyRules.length === 1) {
      const i = anyRules[0];
      if (group.some(j => j !== i && priorities[j] >= priorities[i])) {
        violations.push({
          field: `${field}[${i}].priority`,
          message: `${label(i)}: a tagStatus "any" rule must have the highest priority among the rules selecting ${storageClass} images, but ${priorities[i]} is not`,
          fix: 'give the "any" rule a priority above every other rule of its storage class, or leave its priority out',
        });
      }
    }
    const untagged = group.filter(i => rules[i].tagStatus === 'untagged');
    if (untagged.length > 1) {
      violations.push({
        field: `${field}[${untagged[1]}].tagStatus`,
        message: `${label(untagged[1])}: ${label(untagged[0])} already selects untagged ${storageClass} images; ECR takes one such rule per storage class`,
        fix: 'merge the untagged rules into one',
      });
    }
    for (const list of ['tagPrefixList', 'tagPatternList'] as const) {
      const seen = new Map<string, number>();
      for (const i of group) {
        const values = rules[i][list];
        if (!values?.length) continue;
        const key = JSON.stringify([...new Set(values)].sort());
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          violations.push({
            field: `${field}[${i}].${list}`,
            message: `${label(i)}: ${label(earlier)} selects the same ${list} ${key} for ${storageClass} images; ECR needs a unique set per rule`,
            fix: 'merge the two rules, or give them different tag sets',
          });
        }
        seen.set(key, i);
      }
    }
  }
  return violations;
}

/**
 * Returns every violation of Amazon ECR's lifecycle policy rules by `rules`, and the
 * policy document when there are none.
 *
 * @public
 */
export function buildLifecyclePolicy(
  rules: readonly LifecycleRule[],
  field = 'lifecycleRules',
): {
  document?: LifecyclePolicyDocument;
  text?: string;
  violations: StandardViolation[];
} {
  if (rules.length === 0) {
    return {
      violations: [
        {
          field,
          message: 'a lifecycle policy needs at least one rule',
          fix: 'add a rule, or opt out of the lifecycle policy with skip',
        },
      ],
    };
  }
  if (rules.length > MAX_LIFECYCLE_RULES) {
    return {
      violations: [
        {
          field,
          message: `${rules.length} lifecycle rules; ECR takes at most ${MAX_LIFECYCLE_RULES}`,
          fix: 'merge rules (a rule takes several tag prefixes or patterns)',
        },
      ],
    };
  }
  const violations = rules.flatMap((rule, i) => validateRule(rule, i, field));
  const priorities = assignLifecyclePriorities(rules);

  const seen = new Map<number, number>();
  priorities.forEach((priority, i) => {
    const other = seen.get(priority);
    if (other !== undefined) {
      violations.push({
        field: `${field}[${i}].priority`,
        message: `${ruleLabel(rules[i], i)}: priority ${priority} is already used by ${ruleLabel(rules[other], other)}`,
        fix: 'give every rule a unique priority, or leave priorities out for automatic ordering',
      });
    } else {
      seen.set(priority, i);
    }
  });
  violations.push(...storageClassViolations(rules, priorities, field));
  if (violations.length > 0) {
    return { violations };
  }

  const document: LifecyclePolicyDocument = {
    rules: rules
      .map((rule, i) => toRuleDocument(rule, priorities[i]))
      .sort((a, b) => a.rulePriority - b.rulePriority),
  };
  const text = JSON.stringify(document);
  if (
    text.length < LIFECYCLE_POLICY_MIN_LENGTH ||
    text.length > LIFECYCLE_POLICY_MAX_LENGTH
  ) {
    return {
      violations: [
        {
          field,
          message: `the lifecycle policy text has ${text.length} characters`,
          fix: `keep it between ${LIFECYCLE_POLICY_MIN_LENGTH} and ${LIFECYCLE_POLICY_MAX_LENGTH} characters (use fewer or shorter rules and tag lists)`,
        },
      ],
    };
  }
  return { document, text, violations: [] };
}

/**
 * Like {@link buildLifecyclePolicy}, but throws an `EcrStandardError` naming `subject`.
 *
 * @public
 */
export function lifecyclePolicyText(
  subject: string,
  rules: readonly LifecycleRule[],
  field = 'lifecycleRules',
): string {
  const { text, violations } = buildLifecyclePolicy(rules, field);
  throwIfViolations(subject, violations);
  return text as string;
}

function toRuleDocument(
  rule: LifecycleRule,
  rulePriority: number,
): LifecyclePolicyRuleDocument {
  const since = rule.countType !== 'imageCountMoreThan';
  const action = rule.action ?? 'expire';
  return {
    rulePriority,
    ...(rule.description ? { description: rule.description } : {}),
    selection: {
      tagStatus: rule.tagStatus,
      ...(rule.tagPrefixList?.length
        ? { tagPrefixList: [...rule.tagPrefixList] }
        : {}),
      ...(rule.tagPatternList?.length
        ? { tagPatternList: [...rule.tagPatternList] }
        : {}),
      ...(rule.countType === 'sinceImageTransitioned'
        ? { storageClass: 'archive' as const }
        : rule.storageClass
          ? { storageClass: rule.storageClass }
          : {}),
      countType: rule.countType,
      ...(since ? { countUnit: rule.countUnit ?? 'days' } : {}),
      countNumber: rule.countNumber,
    },
    action:
      action === 'transition'
        ? { type: 'transition', targetStorageClass: 'archive' }
        : { type: 'expire' },
  };
}
