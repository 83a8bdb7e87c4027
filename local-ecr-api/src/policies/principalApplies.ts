import { parseArn } from './parseArn';
import { anyOf, type Tristate } from './tristate';
import type { PolicyPrincipal, PolicyRequest, PolicyStatement } from './types';

/**
 * Whether the statement's `Principal` / `NotPrincipal` covers the caller
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html):
 * - `*` and `{"AWS": "*"}` cover every AWS principal (`*` also services);
 * - an account ID or `arn:<partition>:iam::<account>:root` covers every principal of that
 *   account, not just its root user;
 * - an IAM user or role ARN covers exactly that identity; a role also covers its sessions
 *   `arn:<partition>:sts::<account>:assumed-role/<role>/<session>`. A session ARN drops the
 *   role's path, so without `request.roleArn` the role is matched by account and name, which
 *   identify it: role names are unique in an account
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html);
 * - `Federated` covers web-identity and SAML sessions, which the request cannot tell apart
 *   from other sessions: unknown for a session, no match otherwise.
 *
 * `NotPrincipal` (with Deny) spares a caller only when both its account and, unless it is
 * the root, the identity itself are listed, as the guide warns that listing the user alone
 * can still deny it (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html).
 */
export function principalApplies(
  statement: PolicyStatement,
  request: PolicyRequest,
): Tristate {
  if (statement.Principal !== undefined) {
    return matchesPrincipal(statement.Principal, request);
  }
  if (statement.NotPrincipal !== undefined) {
    // NotPrincipal with Allow is unsupported by AWS: it grants nothing here.
    return (
      statement.Effect === 'Deny' && !isSpared(statement.NotPrincipal, request)
    );
  }
  // No principal at all is not a valid resource policy; never let it grant.
  return 'unknown';
}

interface Caller {
  readonly service?: string;
  readonly partition?: string;
  readonly account?: string;
  readonly arn?: string;
  readonly isRoot: boolean;
  /** For an assumed-role session: the role's name. */
  readonly sessionRole?: string;
}

function caller(request: PolicyRequest): Caller {
  const arn = parseArn(request.principalArn);
  if (!arn) return { service: request.principalArn, isRoot: false };
  const session = /^assumed-role\/([^/]+)\/[^/]+$/.exec(arn.resource);
  return {
    partition: arn.partition,
    account: request.principalAccountId,
    arn: request.principalArn,
    isRoot: arn.service === 'iam' && arn.resource === 'root',
    ...(arn.service === 'sts' && session ? { sessionRole: session[1] } : {}),
  };
}

function list(
  value: string | readonly string[] | undefined,
): readonly string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}

function matchesPrincipal(
  principal: PolicyPrincipal,
  request: PolicyRequest,
): Tristate {
  if (principal === '*') return true;
  const who = caller(request);
  if (who.service !== undefined) {
    return list(principal.Service).includes(who.service);
  }
  return anyOf([
    ...list(principal.AWS).map(
      id =>
        id === '*' || coversAccount(id, who) || isIdentity(id, who, request),
    ),
    ...list(principal.Federated).map((): Tristate =>
      who.sessionRole !== undefined ? 'unknown' : false,
    ),
  ]);
}

function isSpared(principal: PolicyPrincipal, request: PolicyRequest): boolean {
  if (principal === '*') return true;
  const who = caller(request);
  if (who.service !== undefined) {
    return list(principal.Service).includes(who.service);
  }
  const ids = list(principal.AWS);
  if (ids.includes('*')) return true;
  return (
    ids.some(id => coversAccount(id, who)) &&
    (who.isRoot || ids.some(id => isIdentity(id, who, request)))
  );
}

/** An account ID, or that account's root ARN in the caller's partition. */
function coversAccount(id: string, who: Caller): boolean {
  if (/^\d{12}$/.test(id)) return id === who.account;
  const arn = parseArn(id);
  return (
    arn !== undefined &&
    arn.service === 'iam' &&
    arn.resource === 'root' &&
    arn.partition === who.partition &&
    arn.account === who.account
  );
}

/** The caller's own user, role or session ARN; or, for a session, its role's. */
function isIdentity(id: string, who: Caller, request: PolicyRequest): boolean {
  if (id === who.arn) return true;
  if (who.sessionRole === undefined) return false;
  if (request.roleArn !== undefined) return id === request.roleArn;
  const arn = parseArn(id);
  return (
    arn !== undefined &&
    arn.service === 'iam' &&
    arn.partition === who.partition &&
    arn.account === who.account &&
    arn.resource.startsWith('role/') &&
    arn.resource.split('/').pop() === who.sessionRole
  );
}
