/**
 * Evaluates one resource-based policy (a repository or registry policy) for one request, as
 * IAM's evaluation logic does (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * an explicit Deny wins; else an Allow grants; else the policy denies implicitly. Combining
 * the result with identity-based policies is the caller's job.
 *
 * A statement applies when its principal, action, resource and condition all match:
 * - actions compare ignoring case, with `*`/`?` wildcards (`ecr:*`, `ecr:Batch*`);
 * - resources compare part by part with wildcards (`repository/ecr-public/docker/*` covers
 *   `ecr-public/docker/library/nginx`); a statement without `Resource`/`NotResource` applies
 *   to the resource the policy is attached to, as in a repository policy;
 * - principals: see `principalApplies`; conditions: see `evaluateCondition`.
 *
 * What the simulator does not model (other condition operators and keys, `ForAnyValue:`,
 * `IfExists`, policy variables, `Federated` sessions) is `unknown`, and an unknown never
 * grants more than AWS would: an Allow statement with an unknown part does not apply, while a
 * Deny statement with an unknown part does. (Treating an unknown Deny as not applying would
 * let the simulator allow requests that AWS refuses.)
 */
import { evaluateCondition } from './evaluateCondition';
import { arnMatch } from './parseArn';
import { principalApplies } from './principalApplies';
import { allOf, anyOf, type Tristate } from './tristate';
import type {
  PolicyDecision,
  PolicyDocument,
  PolicyRequest,
  PolicyStatement,
} from './types';
import { wildcardMatch } from './wildcardMatch';

/** Whether `policy` allows, explicitly denies, or says nothing about `request`. */
export function isAllowedByPolicy(
  policy: PolicyDocument | undefined,
  request: PolicyRequest,
): PolicyDecision {
  if (!policy) return 'implicit-deny';
  let allowed = false;
  for (const statement of policy.Statement) {
    const applies = statementApplies(statement, request, policy.Version);
    if (statement.Effect === 'Deny' && applies !== false) return 'deny';
    if (statement.Effect === 'Allow' && applies === true) allowed = true;
  }
  return allowed ? 'allow' : 'implicit-deny';
}

function statementApplies(
  statement: PolicyStatement,
  request: PolicyRequest,
  version: PolicyDocument['Version'],
): Tristate {
  return allOf([
    principalApplies(statement, request),
    actionApplies(statement, request.action),
    resourceApplies(statement, request.resourceArn, version),
    statement.Condition
      ? evaluateCondition(statement.Condition, request, version)
      : true,
  ]);
}

function list(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

function actionApplies(statement: PolicyStatement, action: string): Tristate {
  const matches = (patterns: string | readonly string[]) =>
    list(patterns).some(p => wildcardMatch(p, action, { ignoreCase: true }));
  if (statement.Action !== undefined) return matches(statement.Action);
  if (statement.NotAction !== undefined) return !matches(statement.NotAction);
  return 'unknown';
}

function resourceApplies(
  statement: PolicyStatement,
  resourceArn: string,
  version: PolicyDocument['Version'],
): Tristate {
  const matches = (patterns: string | readonly string[]) =>
    anyOf(
      list(patterns).map((pattern): Tristate => {
        if (version === '2012-10-17' && pattern.includes('${')) {
          return 'unknown';
        }
        return pattern === '*' || arnMatch(pattern, resourceArn);
      }),
    );
  if (statement.Resource !== undefined) return matches(statement.Resource);
  if (statement.NotResource !== undefined) {
    const matched = matches(statement.NotResource);
    return matched === 'unknown' ? matched : !matched;
  }
  return true;
}
