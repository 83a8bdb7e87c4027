import { failAt, lifecyclePolicyError } from './lifecyclePolicyError';
import { readLifecyclePolicyShape } from './readLifecyclePolicyShape';
import { selectedStorageClass } from './storageClasses';
import {
  arrayTooShort,
  belowMinimum,
  missingProperties,
  notInEnum,
  propertiesNotAllowed,
} from './schemaMessages';
import type {
  LifecyclePolicy,
  LifecyclePolicyRule,
  LifecycleStorageClass,
} from './types';

// Sources (AWS ECR User Guide):
// [parameters] https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html
// [evaluation] https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html
// [examples]   https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_examples.html
// [archive]    https://docs.aws.amazon.com/AmazonECR/latest/userguide/archive-image.html

const MAX_WILDCARDS = 4;
const MIN_DAYS_IN_ARCHIVE = 90;

/**
 * Parses and validates `lifecyclePolicyText` as ECR does for PutLifecyclePolicy,
 * StartLifecyclePolicyPreview and repository creation templates, throwing ECR's
 * `InvalidParameterException` for the first problem found.
 */
export function validateLifecyclePolicy(text: string): LifecyclePolicy {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    document = undefined;
  }
  if (
    typeof document !== 'object' ||
    document === null ||
    Array.isArray(document)
  ) {
    // ECR's wording when the text does not deserialize into a policy object at all.
    throw lifecyclePolicyError(
      'Could not map policyString into LifecyclePolicy.',
    );
  }
  const policy = readLifecyclePolicyShape(document as Record<string, unknown>);
  checkUniquePriorities(policy.rules);
  policy.rules.forEach((rule, i) => checkRule(rule, `rules[${i}]`));
  for (const storageClass of ['standard', 'archive'] as const) {
    checkStorageClassGroup(storageClass, policy.rules);
  }
  return policy;
}

// Each rule needs its own rulePriority [parameters].
function checkUniquePriorities(rules: readonly LifecyclePolicyRule[]): void {
  const seen = new Map<number, number>();
  rules.forEach((rule, i) => {
    const first = seen.get(rule.rulePriority);
    if (first !== undefined) {
      failAt(
        `rules[${first}] and rules[${i}] have the same rulePriority (${rule.rulePriority}); each rule needs a unique rulePriority`,
      );
    }
    seen.set(rule.rulePriority, i);
  });
}

function checkRule(rule: LifecyclePolicyRule, path: string): void {
  const { selection, action } = rule;
  const at = `${path}.selection`;
  const { tagStatus, countType } = selection;

  const lists = (['tagPrefixList', 'tagPatternList'] as const).filter(
    name => selection[name] !== undefined,
  );
  if (tagStatus !== 'tagged') {
    // Tag lists only belong to tagged rules [parameters], [evaluation].
    if (lists.length > 0) {
      failAt(propertiesNotAllowed(lists), at, `tagStatus is ${tagStatus}`);
    }
  } else if (lists.length === 2) {
    // A rule takes a prefix list or a pattern list, never both [evaluation].
    failAt('only one of tagPrefixList and tagPatternList may be specified', at);
  } else if (lists.length === 0) {
    // ECR's own wording for this case, as seen in its error responses.
    failAt(
      'Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED',
      at,
    );
  } else {
    const name = lists[0];
    const list = selection[name] ?? [];
    if (list.length === 0) {
      failAt(arrayTooShort(1, 0), `${at}.${name}`, 'tagStatus is tagged');
    }
  }

  // At most four `*` per pattern [parameters].
  selection.tagPatternList?.forEach((pattern, i) => {
    const wildcards = pattern.split('*').length - 1;
    if (wildcards > MAX_WILDCARDS) {
      failAt(
        `string "${pattern}" has too many wildcards (found: ${wildcards}, maximum allowed: ${MAX_WILDCARDS})`,
        `${at}.tagPatternList[${i}]`,
      );
    }
  });

  // `countUnit` goes with the since* count types and nothing else [parameters].
  const countsAge = countType !== 'imageCountMoreThan';
  if (countsAge && selection.countUnit === undefined) {
    failAt(missingProperties(['countUnit']), at, `countType is ${countType}`);
  }
  if (!countsAge && selection.countUnit !== undefined) {
    failAt(
      propertiesNotAllowed(['countUnit']),
      at,
      `countType is ${countType}`,
    );
  }

  // Only sinceImageTransitioned selects archived images, and it must say so [parameters].
  if (countType === 'sinceImageTransitioned') {
    if (selection.storageClass === undefined) {
      failAt(
        missingProperties(['storageClass']),
        at,
        `countType is ${countType}`,
      );
    }
    if (selection.storageClass !== 'archive') {
      failAt(
        notInEnum(selection.storageClass, ['archive']),
        `${at}.storageClass`,
        `countType is ${countType}`,
      );
    }
  } else if (selectedStorageClass(rule.selection) !== 'standard') {
    failAt(
      notInEnum(selection.storageClass, ['standard']),
      `${at}.storageClass`,
      `countType is ${countType}`,
    );
  }

  // A transition names its target; an expiry has none [parameters].
  const actionAt = `${path}.action`;
  if (action.type === 'transition' && action.targetStorageClass === undefined) {
    failAt(
      missingProperties(['targetStorageClass']),
      actionAt,
      'action type is transition',
    );
  }
  if (action.type === 'expire' && action.targetStorageClass !== undefined) {
    failAt(
      propertiesNotAllowed(['targetStorageClass']),
      actionAt,
      'action type is expire',
    );
  }

  // sinceImagePulled may only archive, sinceImageTransitioned may only expire [examples];
  // AWS confirms the first is deliberate: https://github.com/aws/containers-roadmap/issues/921
  // (and the request to lift it is https://github.com/aws/containers-roadmap/issues/2728).
  const onlyAction =
    countType === 'sinceImagePulled'
      ? 'transition'
      : countType === 'sinceImageTransitioned'
        ? 'expire'
        : undefined;
  if (onlyAction !== undefined && action.type !== onlyAction) {
    failAt(
      notInEnum(action.type, [onlyAction]),
      `${actionAt}.type`,
      `countType is ${countType}`,
    );
  }

  // Archived images have a 90-day minimum; no policy may delete them sooner [archive], [examples].
  if (
    countType === 'sinceImageTransitioned' &&
    selection.countNumber < MIN_DAYS_IN_ARCHIVE
  ) {
    failAt(
      belowMinimum(MIN_DAYS_IN_ARCHIVE, selection.countNumber),
      `${at}.countNumber`,
      'archived images must stay in archive for 90 days before a rule may expire them',
    );
  }
}

/** The checks ECR applies among the rules that select one storage class. */
function checkStorageClassGroup(
  storageClass: LifecycleStorageClass,
  rules: readonly LifecyclePolicyRule[],
): void {
  const group = rules
    .filter(rule => selectedStorageClass(rule.selection) === storageClass)
    .sort((a, b) => a.rulePriority - b.rulePriority);

  // The `any` rule comes last [parameters], counted per storage class: the documented
  // archive-then-expire example has an `any` rule for each class [examples]. ECR's wording.
  const anyIndex = group.findIndex(rule => rule.selection.tagStatus === 'any');
  if (anyIndex !== -1 && anyIndex !== group.length - 1) {
    failAt(
      `Rule for tagStatus=ANY must have the lowest priority per storage class, but rulePriority ${group[anyIndex].rulePriority} (tagStatus any) is followed by rulePriority ${group[anyIndex + 1].rulePriority} among the rules selecting ${storageClass} images`,
    );
  }

  // One untagged rule per storage class [evaluation]; `any` rules do not count [examples]. ECR's wording.
  const untagged = group.filter(
    rule => rule.selection.tagStatus === 'untagged',
  );
  if (untagged.length > 1) {
    failAt(
      `Only one rule can select Untagged images per storage class, but rulePriority ${untagged[0].rulePriority} and rulePriority ${untagged[1].rulePriority} both select untagged ${storageClass} images`,
    );
  }

  // No two rules of a storage class with the same tag set [evaluation].
  for (const [list, noun] of [
    ['tagPrefixList', 'tag prefixes'],
    ['tagPatternList', 'tag patterns'],
  ] as const) {
    const seen = new Map<string, LifecyclePolicyRule>();
    for (const rule of group) {
      const values = rule.selection[list];
      if (values === undefined) continue;
      const key = JSON.stringify([...new Set(values)].sort());
      const earlier = seen.get(key);
      if (earlier) {
        failAt(
          `The set of rules selecting a storage class must contain a unique set of ${noun}, but rulePriority ${earlier.rulePriority} and rulePriority ${rule.rulePriority} both select ${storageClass} images with ${list} ${key}`,
        );
      }
      seen.set(key, rule);
    }
  }
}
