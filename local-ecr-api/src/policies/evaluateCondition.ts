import { parseOperator } from './checkCondition';
import { arnMatch, parseArn } from './parseArn';
import { allOf, anyOf, type Tristate } from './tristate';
import type { PolicyCondition, PolicyDocument, PolicyRequest } from './types';
import { wildcardMatch } from './wildcardMatch';

/**
 * Evaluates a `Condition` element against the request
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html):
 * every operator and every key in it must hold (AND), one of a key's values suffices (OR),
 * key names ignore case, and a key absent from the request does not match.
 *
 * Modelled: `StringEquals`, `StringLike`, `ArnEquals`, `ArnLike` (no `ForAnyValue:`,
 * `ForAllValues:` or `IfExists`) on `aws:PrincipalAccount`, `aws:PrincipalArn` and
 * `aws:PrincipalOrgID`. Anything else, and values with policy variables (`${...}`, which
 * version 2012-10-17 substitutes), is `unknown`.
 */
export function evaluateCondition(
  condition: PolicyCondition,
  request: PolicyRequest,
  version: PolicyDocument['Version'],
): Tristate {
  return allOf(
    Object.entries(condition).map(([operatorName, keys]) => {
      const { qualifier, operator, ifExists } = parseOperator(operatorName);
      const compare = COMPARISONS[operator];
      return allOf(
        Object.entries(keys).map(([key, values]): Tristate => {
          if (!compare || qualifier || ifExists) return 'unknown';
          const actual = contextValue(key.toLowerCase(), request);
          if (actual === 'unknown') return 'unknown';
          if (actual === undefined) return false;
          return anyOf(
            (Array.isArray(values) ? values : [values]).map(
              (value: string | number | boolean): Tristate => {
                const expected = String(value);
                if (version === '2012-10-17' && expected.includes('${')) {
                  return 'unknown';
                }
                return compare(expected, actual);
              },
            ),
          );
        }),
      );
    }),
  );
}

const COMPARISONS: Readonly<
  Record<string, (expected: string, actual: string) => Tristate>
> = {
  StringEquals: (expected, actual) => expected === actual,
  StringLike: (expected, actual) => wildcardMatch(expected, actual),
  ArnEquals: arnComparison,
  ArnLike: arnComparison,
};

/** `ArnEquals` and `ArnLike` behave identically; a non-ARN pattern is not modelled. */
function arnComparison(expected: string, actual: string): Tristate {
  return parseArn(expected) ? arnMatch(expected, actual) : 'unknown';
}

/**
 * The request's value of a global condition key, `undefined` when the request has none, or
 * `unknown`. `aws:PrincipalArn` of a role session is its role's ARN, path included
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn),
 * which only `request.roleArn` tells.
 */
function contextValue(
  key: string,
  request: PolicyRequest,
): string | undefined | 'unknown' {
  const arn = parseArn(request.principalArn);
  // Which keys a service principal's request carries is not modelled.
  if (!arn) return 'unknown';
  switch (key) {
    case 'aws:principalaccount':
      return request.principalAccountId;
    case 'aws:principalorgid':
      return request.principalOrgId;
    case 'aws:principalarn':
      return arn.service === 'sts' && arn.resource.startsWith('assumed-role/')
        ? (request.roleArn ?? 'unknown')
        : request.principalArn;
    default:
      return 'unknown';
  }
}
