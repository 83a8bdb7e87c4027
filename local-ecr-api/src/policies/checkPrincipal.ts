import { isKnownPartition, parseArn } from './parseArn';

const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated'] as const;

// IAM user and role names (and path segments) use letters, digits and `+=,.@_-`
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
const NAME = String.raw`[\w+=,.@-]+`;
const PATH_AND_NAME = new RegExp(`^(?:${NAME}/)*${NAME}$`);
const ROLE_SESSION = new RegExp(`^assumed-role/${NAME}/${NAME}$`);
const FEDERATED_USER = new RegExp(`^federated-user/${NAME}$`);
const ACCOUNT_ID = /^\d{12}$/;
const SERVICE_PRINCIPAL =
  /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/;
const WEB_IDENTITY_PROVIDERS = new Set([
  'cognito-identity.amazonaws.com',
  'www.amazon.com',
  'graph.facebook.com',
  'accounts.google.com',
]);

/**
 * The reason `value` (a `Principal` or `NotPrincipal` element) is refused, if it is. The
 * forms a resource-based policy may name
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html):
 * `"*"`, or a map of `AWS` (account ID, account root / IAM user / IAM role / assumed-role
 * session / federated-user ARN, or `*`), `Service` (a service principal name) and `Federated`
 * (an identity provider). A wildcard never stands for part of a name or ARN (so
 * `arn:aws:iam::<account>:*` is refused, https://github.com/hashicorp/terraform-provider-aws/issues/3924). `CanonicalUser`
 * is refused: the policy grammar reserves it for S3 bucket policies and says most
 * resource-based policies do not take it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html).
 */
export function checkPrincipal(
  value: unknown,
  field: string,
): string | undefined {
  if (value === '*') return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `${field} must be "*" or an object such as {"AWS": "111122223333"}`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return `${field} names no principal`;
  for (const [type, ids] of entries) {
    if (type === 'CanonicalUser') {
      return `${field}.CanonicalUser is only for S3 bucket policies`;
    }
    if (!(PRINCIPAL_TYPES as readonly string[]).includes(type)) {
      return `${field} has the unknown principal type "${type}" (use AWS, Service or Federated)`;
    }
    const list: unknown[] = Array.isArray(ids) ? ids : [ids];
    if (list.length === 0) return `${field}.${type} is an empty list`;
    for (const id of list) {
      if (typeof id !== 'string') return `${field}.${type} holds a non-string`;
      const problem = checkId(type, id);
      if (problem) return `${field}.${type} "${id}" ${problem}`;
    }
  }
  return undefined;
}

function checkId(type: string, id: string): string | undefined {
  if (type === 'AWS') {
    if (id === '*' || ACCOUNT_ID.test(id)) return undefined;
    return isAwsPrincipalArn(id)
      ? undefined
      : 'is not "*", an account ID, or an account root, IAM user, IAM role or role session ARN';
  }
  if (type === 'Service') {
    return SERVICE_PRINCIPAL.test(id)
      ? undefined
      : 'is not a service principal such as "lambda.amazonaws.com"';
  }
  const arn = parseArn(id);
  const provider =
    WEB_IDENTITY_PROVIDERS.has(id) ||
    (arn !== undefined &&
      isKnownPartition(arn.partition) &&
      arn.service === 'iam' &&
      arn.region === '' &&
      ACCOUNT_ID.test(arn.account) &&
      /^(saml-provider\/[\w.-]+|oidc-provider\/[^*?\s]+)$/.test(arn.resource));
  return provider
    ? undefined
    : 'is not a web identity provider or a SAML/OIDC provider ARN';
}

function isAwsPrincipalArn(id: string): boolean {
  const arn = parseArn(id);
  if (
    !arn ||
    !isKnownPartition(arn.partition) ||
    arn.region !== '' ||
    !ACCOUNT_ID.test(arn.account)
  ) {
    return false;
  }
  if (arn.service === 'iam') {
    if (arn.resource === 'root') return true;
    const [kind, ...rest] = arn.resource.split('/');
    return (
      (kind === 'user' || kind === 'role') && PATH_AND_NAME.test(rest.join('/'))
    );
  }
  return (
    arn.service === 'sts' &&
    (ROLE_SESSION.test(arn.resource) || FEDERATED_USER.test(arn.resource))
  );
}
