/**
 * Checks repository policies (SetRepositoryPolicy) and registry policies (PutRegistryPolicy)
 * the way ECR does, and returns them parsed for `isAllowedByPolicy`.
 *
 * ECR answers every refused policy with one terse message. We keep that message verbatim as
 * the start of ours, so an assertion on ECR's text holds here too, and append the reason in
 * parentheses: a test that fails on a policy then says which element is wrong. The reason is
 * for people; code must branch on the error type only, as ECR offers nothing more.
 *
 * Rules and where they come from (the length bound is checked from the API model elsewhere):
 * - JSON object; no key twice in one object; top-level elements `Version`, `Id`, `Statement`
 *   only (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html).
 * - `Version` `2012-10-17` or `2008-10-17` (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html),
 *   or absent, which the grammar allows; whether ECR refuses an absent Version is unconfirmed.
 * - `Statement` one object or a non-empty list
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_statement.html).
 * - `Sid` optional; ECR, unlike IAM's letters-and-digits rule, takes spaces (an ECR engineer
 *   in https://github.com/awsdocs/amazon-ecr-user-guide/pull/33; the guide's own
 *   "ECR Repository Policy", https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html)
 *   and hyphens; nothing else is confirmed, so nothing else passes. Duplicate Sids pass: ECR
 *   accepts them (https://github.com/getmoto/moto/pull/8933), unlike IAM
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html).
 * - `Effect` `Allow` or `Deny`, case-sensitive
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html).
 * - Exactly one of `Principal`/`NotPrincipal`: a resource-based policy must name whom it
 *   applies to (grammar notes, above); `NotPrincipal` only with `Deny`
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html).
 *   Forms: see `checkPrincipal`.
 * - Exactly one of `Action`/`NotAction`, a string or non-empty list of `vendor:Name` with
 *   `*`/`?` wildcards (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
 *   Only ECR actions (or `*` in a repository policy): ECR grants nothing else (assumption;
 *   other services' resource policies refuse foreign actions too). Action names are not
 *   checked against ECR's list; reports on `ecr:GetAuthorizationToken` conflict (refused in
 *   https://github.com/cloudposse/terraform-aws-ecr/pull/67, 2020; shipped in repository
 *   policies by terraform-aws-modules/terraform-aws-ecr since 2022), so it passes.
 * - Repository policy: no `Resource`/`NotResource`; the statement applies to the repository,
 *   and ECR refuses the element (https://github.com/aws/aws-cdk/issues/24314, 2023; CDK warns
 *   about it to this day). The current guide's examples show `"Resource": "*"`; we follow
 *   the observed behaviour.
 * - Registry policy: exactly one of `Resource`/`NotResource`, `*` or ARNs whose service part
 *   has no wildcard (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html;
 *   every example names `arn:aws:ecr:<region>:<account>:repository/<prefix>*`,
 *   https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions-examples.html).
 *   ECR checks no more than that: it took the five-part `arn:aws:us-east-2:<account>:repository/*`
 *   (https://github.com/aws/containers-roadmap/issues/2675), which then matches nothing.
 * - Registry policy actions: scope V1 takes only `ecr:ReplicateImage`,
 *   `ecr:BatchImportUpstreamImage`, `ecr:CreateRepository` and `ecr:*`, and refuses anything
 *   else; V2 (default for new registries) takes every ECR action
 *   (https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions-create.html,
 *   https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions-account-settings.html).
 * - `Condition`: see `checkCondition`.
 */
import { EcrApiError } from '../EcrApiError';
import { checkCondition } from './checkCondition';
import { checkPrincipal } from './checkPrincipal';
import { isKnownPartition } from './parseArn';
import { parseStrictJson } from './parseStrictJson';
import type {
  PolicyDocument,
  PolicyKind,
  PolicyStatement,
  RegistryPolicyScope,
  ValidatePolicyOptions,
} from './types';

const TOP_LEVEL = ['Version', 'Id', 'Statement'];
const STATEMENT_ELEMENTS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];
const SID = /^[A-Za-z0-9 -]*$/;
const ACTION = /^([A-Za-z0-9-]+):([A-Za-z0-9*?]+)$/;
const REGISTRY_V1_ACTIONS = [
  'replicateimage',
  'batchimportupstreamimage',
  'createrepository',
  '*',
];

/**
 * Parses and checks `text` as a repository or registry policy; throws ECR's
 * `InvalidParameterException` for the first problem found.
 */
export function validatePolicyDocument(
  text: string,
  kind: PolicyKind,
  options: ValidatePolicyOptions = {},
): PolicyDocument {
  const parsed = parseStrictJson(text);
  if ('problem' in parsed) throw invalidPolicy(kind, parsed.problem);
  const problem = documentProblem(
    parsed.value,
    kind,
    options.registryPolicyScope ?? 'V2',
  );
  if (problem) throw invalidPolicy(kind, problem);
  const document = parsed.value as {
    Version?: PolicyDocument['Version'];
    Id?: string;
    Statement: PolicyStatement | PolicyStatement[];
  };
  return {
    ...document,
    Statement: Array.isArray(document.Statement)
      ? document.Statement
      : [document.Statement],
  };
}

/** ECR's error, with our reason after its verbatim text. */
function invalidPolicy(kind: PolicyKind, reason: string): EcrApiError {
  return new EcrApiError(
    'InvalidParameterException',
    `Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid ${kind} policy provided' (${reason})`,
  );
}

function documentProblem(
  value: unknown,
  kind: PolicyKind,
  scope: RegistryPolicyScope,
): string | undefined {
  if (!isObject(value)) return 'the policy is not a JSON object';
  const unknown = Object.keys(value).find(key => !TOP_LEVEL.includes(key));
  if (unknown) return `unknown top-level element "${unknown}"`;
  if (
    'Version' in value &&
    value.Version !== '2012-10-17' &&
    value.Version !== '2008-10-17'
  ) {
    return 'Version must be "2012-10-17" or "2008-10-17"';
  }
  if ('Id' in value && typeof value.Id !== 'string') {
    return 'Id must be a string';
  }
  const statements = value.Statement;
  if (statements === undefined) return 'Statement is missing';
  if (Array.isArray(statements)) {
    if (statements.length === 0) return 'Statement is an empty list';
    for (const [index, statement] of statements.entries()) {
      const problem = statementProblem(
        statement,
        `Statement[${index}]`,
        kind,
        scope,
      );
      if (problem) return problem;
    }
    return undefined;
  }
  return statementProblem(statements, 'Statement', kind, scope);
}

function statementProblem(
  statement: unknown,
  at: string,
  kind: PolicyKind,
  scope: RegistryPolicyScope,
): string | undefined {
  if (!isObject(statement)) return `${at} is not an object`;
  const unknown = Object.keys(statement).find(
    key => !STATEMENT_ELEMENTS.includes(key),
  );
  if (unknown) return `${at} has the unknown element "${unknown}"`;
  if (
    'Sid' in statement &&
    (typeof statement.Sid !== 'string' || !SID.test(statement.Sid))
  ) {
    return `${at}.Sid must be a string of letters, digits, spaces and hyphens`;
  }
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
    return `${at}.Effect must be "Allow" or "Deny"`;
  }
  return (
    principalProblem(statement, at) ??
    actionProblem(statement, at, kind, scope) ??
    resourceProblem(statement, at, kind) ??
    ('Condition' in statement
      ? checkCondition(statement.Condition, `${at}.Condition`)
      : undefined)
  );
}

function principalProblem(
  statement: Record<string, unknown>,
  at: string,
): string | undefined {
  const element = exactlyOne(statement, 'Principal', 'NotPrincipal');
  if (element === undefined) {
    return `${at}.Principal is missing; a resource-based policy must name whom it applies to`;
  }
  if (element === 'both') return `${at} has both Principal and NotPrincipal`;
  if (element === 'NotPrincipal' && statement.Effect !== 'Deny') {
    return `${at}.NotPrincipal can only be used with "Effect": "Deny"`;
  }
  return checkPrincipal(statement[element], `${at}.${element}`);
}

function actionProblem(
  statement: Record<string, unknown>,
  at: string,
  kind: PolicyKind,
  scope: RegistryPolicyScope,
): string | undefined {
  const element = exactlyOne(statement, 'Action', 'NotAction');
  if (element === undefined) return `${at}.Action is missing`;
  if (element === 'both') return `${at} has both Action and NotAction`;
  const field = `${at}.${element}`;
  if (kind === 'registry' && scope === 'V1' && element === 'NotAction') {
    return `${field} is not allowed by registry policy scope V1`;
  }
  const list = stringList(statement[element]);
  if (typeof list === 'string') return `${field} ${list}`;
  for (const action of list) {
    const problem = actionStringProblem(action, kind, scope);
    if (problem) return `${field} "${action}" ${problem}`;
  }
  return undefined;
}

function actionStringProblem(
  action: string,
  kind: PolicyKind,
  scope: RegistryPolicyScope,
): string | undefined {
  if (action === '*') {
    return kind === 'repository'
      ? undefined
      : 'is not allowed in a registry policy; name ECR actions';
  }
  const match = ACTION.exec(action);
  if (!match) return 'is not of the form "ecr:ActionName"';
  if (match[1].toLowerCase() !== 'ecr') return 'is not an ECR action';
  if (
    kind === 'registry' &&
    scope === 'V1' &&
    !REGISTRY_V1_ACTIONS.includes(match[2].toLowerCase())
  ) {
    return 'is not allowed by registry policy scope V1 (only ecr:ReplicateImage, ecr:BatchImportUpstreamImage, ecr:CreateRepository)';
  }
  return undefined;
}

function resourceProblem(
  statement: Record<string, unknown>,
  at: string,
  kind: PolicyKind,
): string | undefined {
  const element = exactlyOne(statement, 'Resource', 'NotResource');
  if (kind === 'repository') {
    return element === undefined
      ? undefined
      : `${at}.${element === 'both' ? 'Resource' : element} is not allowed in a repository policy; the statement applies to the repository itself`;
  }
  if (element === undefined) return `${at}.Resource is missing`;
  if (element === 'both') return `${at} has both Resource and NotResource`;
  const field = `${at}.${element}`;
  const list = stringList(statement[element]);
  if (typeof list === 'string') return `${field} ${list}`;
  for (const resource of list) {
    if (resource === '*') continue;
    const [prefix, partition, service] = resource.split(':');
    if (prefix !== 'arn' || !isKnownPartition(partition ?? '')) {
      return `${field} "${resource}" is not "*" or an ARN`;
    }
    if (!service || /[*?]/.test(service)) {
      return `${field} "${resource}" has no fixed service part`;
    }
  }
  return undefined;
}

/** Which of two exclusive elements the statement has. */
function exactlyOne<A extends string, B extends string>(
  statement: Record<string, unknown>,
  a: A,
  b: B,
): A | B | 'both' | undefined {
  if (a in statement && b in statement) return 'both';
  return a in statement ? a : b in statement ? b : undefined;
}

/** The strings of a string-or-list element, or the reason it is neither. */
function stringList(value: unknown): readonly string[] | string {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  if (list.length === 0) return 'is an empty list';
  return list.every(item => typeof item === 'string' && item !== '')
    ? (list as string[])
    : 'must be a non-empty string or a list of them';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
