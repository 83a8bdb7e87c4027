/**
 * Condition operators IAM knows, each optionally prefixed with `ForAnyValue:` / `ForAllValues:`
 * and suffixed with `IfExists`
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
 */
const OPERATORS = new Set([
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
]);

/** Splits `ForAnyValue:StringLikeIfExists` into its set qualifier, operator and suffix. */
export function parseOperator(name: string): {
  readonly qualifier?: 'ForAnyValue' | 'ForAllValues';
  readonly operator: string;
  readonly ifExists: boolean;
} {
  const match = /^(?:(ForAnyValue|ForAllValues):)?(.*?)(IfExists)?$/.exec(name);
  const qualifier = match?.[1] as 'ForAnyValue' | 'ForAllValues' | undefined;
  return {
    ...(qualifier ? { qualifier } : {}),
    operator: match?.[2] ?? name,
    ifExists: match?.[3] !== undefined,
  };
}

// Keys carry a vendor prefix: `aws:PrincipalOrgID`, `ecr:ResourceTag/team`
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html).
const CONDITION_KEY = /^[A-Za-z0-9-]+:[^\s]+$/;

/**
 * The reason a `Condition` element (operator → key → value or values) is refused, if it is.
 * Values are JSON strings, numbers or booleans, alone or in a non-empty list.
 */
export function checkCondition(
  value: unknown,
  field: string,
): string | undefined {
  if (!isObject(value)) {
    return `${field} must be an object of operator → key → values`;
  }
  for (const [operatorName, keys] of Object.entries(value)) {
    if (!OPERATORS.has(parseOperator(operatorName).operator)) {
      return `${field} has the unknown operator "${operatorName}"`;
    }
    const at = `${field}.${operatorName}`;
    if (!isObject(keys) || Object.keys(keys).length === 0) {
      return `${at} must map at least one condition key to values`;
    }
    for (const [key, values] of Object.entries(keys)) {
      if (!CONDITION_KEY.test(key)) {
        return `${at} has the key "${key}", which lacks a vendor prefix such as "aws:"`;
      }
      const list: unknown[] = Array.isArray(values) ? values : [values];
      if (list.length === 0) return `${at}["${key}"] is an empty list`;
      if (
        !list.every(v => ['string', 'number', 'boolean'].includes(typeof v))
      ) {
        return `${at}["${key}"] must hold strings, numbers or booleans`;
      }
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
