import { failAt } from './lifecyclePolicyError';
import {
  arrayTooLong,
  arrayTooShort,
  belowMinimum,
  missingProperties,
  notInEnum,
  propertiesNotAllowed,
  wrongType,
} from './schemaMessages';
import type {
  CountType,
  LifecyclePolicy,
  LifecyclePolicyAction,
  LifecyclePolicyRule,
  LifecyclePolicySelection,
  LifecycleStorageClass,
  TagStatus,
} from './types';

// Property names and enum values: the policy template in
// https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_examples.html
// and the property reference in
// https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html
const TAG_STATUSES: readonly TagStatus[] = ['tagged', 'untagged', 'any'];
const COUNT_TYPES: readonly CountType[] = [
  'imageCountMoreThan',
  'sinceImagePushed',
  'sinceImagePulled',
  'sinceImageTransitioned',
];
const STORAGE_CLASSES: readonly LifecycleStorageClass[] = [
  'standard',
  'archive',
];
const COUNT_UNITS = ['days'] as const;
const ACTION_TYPES = ['expire', 'transition'] as const;
const TARGET_STORAGE_CLASSES = ['archive'] as const;

// "Rules per lifecycle policy: 50", not adjustable:
// https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html
const MAX_RULES = 50;

type JsonObject = Record<string, unknown>;

/**
 * The schema half of ECR's policy validation: property names, types, enums and minimums,
 * checked rule by rule. Rules that depend on combinations of fields or on other rules are
 * `validateLifecyclePolicy`'s job.
 */
export function readLifecyclePolicyShape(
  document: JsonObject,
): LifecyclePolicy {
  const root = readObject(document, '', ['rules'], ['rules']);
  const rules = root.rules;
  if (!Array.isArray(rules)) failAt(wrongType(rules, 'array'), 'rules');
  if (rules.length < 1) failAt(arrayTooShort(1, rules.length), 'rules');
  if (rules.length > MAX_RULES) {
    failAt(arrayTooLong(MAX_RULES, rules.length), 'rules');
  }
  return { rules: rules.map((rule, i) => readRule(rule, `rules[${i}]`)) };
}

function readRule(value: unknown, path: string): LifecyclePolicyRule {
  const rule = readObject(
    value,
    path,
    ['rulePriority', 'selection', 'action'],
    ['rulePriority', 'description', 'selection', 'action'],
  );
  const rulePriority = readInteger(
    rule.rulePriority,
    `${path}.rulePriority`,
    1,
  );
  const description =
    rule.description === undefined
      ? undefined
      : readString(rule.description, `${path}.description`);
  return {
    rulePriority,
    ...(description === undefined ? {} : { description }),
    selection: readSelection(rule.selection, `${path}.selection`),
    action: readAction(rule.action, `${path}.action`),
  };
}

function readSelection(value: unknown, path: string): LifecyclePolicySelection {
  const selection = readObject(
    value,
    path,
    ['tagStatus', 'countType', 'countNumber'],
    [
      'tagStatus',
      'tagPrefixList',
      'tagPatternList',
      'storageClass',
      'countType',
      'countUnit',
      'countNumber',
    ],
  );
  const tagStatus = readEnum(
    selection.tagStatus,
    TAG_STATUSES,
    `${path}.tagStatus`,
  );
  const tagPrefixList = optional(selection.tagPrefixList, v =>
    readStringList(v, `${path}.tagPrefixList`),
  );
  const tagPatternList = optional(selection.tagPatternList, v =>
    readStringList(v, `${path}.tagPatternList`),
  );
  const storageClass = optional(selection.storageClass, v =>
    readEnum(v, STORAGE_CLASSES, `${path}.storageClass`),
  );
  const countType = readEnum(
    selection.countType,
    COUNT_TYPES,
    `${path}.countType`,
  );
  const countUnit = optional(selection.countUnit, v =>
    readEnum(v, COUNT_UNITS, `${path}.countUnit`),
  );
  const countNumber = readInteger(
    selection.countNumber,
    `${path}.countNumber`,
    1,
  );
  // Only the properties the author wrote, so later checks can tell "absent" from "empty".
  return {
    tagStatus,
    ...(tagPrefixList === undefined ? {} : { tagPrefixList }),
    ...(tagPatternList === undefined ? {} : { tagPatternList }),
    ...(storageClass === undefined ? {} : { storageClass }),
    countType,
    ...(countUnit === undefined ? {} : { countUnit }),
    countNumber,
  };
}

function readAction(value: unknown, path: string): LifecyclePolicyAction {
  const action = readObject(
    value,
    path,
    ['type'],
    ['type', 'targetStorageClass'],
  );
  const type = readEnum(action.type, ACTION_TYPES, `${path}.type`);
  const targetStorageClass = optional(action.targetStorageClass, v =>
    readEnum(v, TARGET_STORAGE_CLASSES, `${path}.targetStorageClass`),
  );
  return {
    type,
    ...(targetStorageClass === undefined ? {} : { targetStorageClass }),
  };
}

function readObject(
  value: unknown,
  path: string,
  required: readonly string[],
  allowed: readonly string[],
): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    failAt(wrongType(value, 'object'), path);
  }
  const object = value as JsonObject;
  const missing = required.filter(name => !Object.hasOwn(object, name));
  if (missing.length > 0) failAt(missingProperties(missing), path);
  const unknown = Object.keys(object).filter(name => !allowed.includes(name));
  if (unknown.length > 0) failAt(propertiesNotAllowed(unknown), path);
  return object;
}

function readInteger(value: unknown, path: string, minimum: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    failAt(wrongType(value, 'integer'), path);
  }
  if (value < minimum) failAt(belowMinimum(minimum, value), path);
  return value;
}

function readString(value: unknown, path: string): string {
  if (typeof value !== 'string') failAt(wrongType(value, 'string'), path);
  return value;
}

function readStringList(value: unknown, path: string): readonly string[] {
  if (!Array.isArray(value)) failAt(wrongType(value, 'array'), path);
  return value.map((item, i) => readString(item, `${path}[${i}]`));
}

function readEnum<T extends string>(
  value: unknown,
  allowed: readonly T[],
  path: string,
): T {
  if (!allowed.includes(value as T)) failAt(notInEnum(value, allowed), path);
  return value as T;
}

// JSON has no `undefined`, so `undefined` here always means the property was left out.
function optional<T>(
  value: unknown,
  read: (value: unknown) => T,
): T | undefined {
  return value === undefined ? undefined : read(value);
}
