import { isAllowedByPolicy, validatePolicyDocument } from '../policies';
import { wildcardMatch } from '../policies/wildcardMatch';
import type { Registry } from '../Registry';
import type { Caller } from '../world/Callers';

/**
 * Whether `caller` may perform `action` on `resourceArn` in `registry`, as IAM decides it
 * for a resource with a resource-based policy (here the registry policy): an explicit Deny
 * wins; within the registry's account the identity policy or the registry policy suffices;
 * from another account both must allow. Identity policies are not modelled beyond the
 * caller's declared `identityAllows`.
 */
export function isAuthorized(
  caller: Caller,
  registry: Registry,
  action: string,
  resourceArn: string,
): boolean {
  const text = registry.settings.registryPolicyText;
  const decision = isAllowedByPolicy(
    text ? validatePolicyDocument(text, 'registry') : undefined,
    {
      principalArn: caller.principalArn,
      principalAccountId: caller.accountId,
      action,
      resourceArn,
    },
  );
  if (decision === 'deny') return false;
  const byIdentity = caller.identityAllows.some(pattern =>
    wildcardMatch(pattern, action, { ignoreCase: true }),
  );
  return caller.accountId === registry.accountId
    ? byIdentity || decision === 'allow'
    : byIdentity && decision === 'allow';
}

/**
 * Whether the registry policy of `destination` lets `sourceAccountId` (the account, as ECR's
 * replication acts for it) perform `action` on `resourceArn`.
 */
export function registryPolicyAllowsAccount(
  destination: Registry,
  sourceAccountId: string,
  sourcePrincipalArn: string,
  action: string,
  resourceArn: string,
): boolean {
  const text = destination.settings.registryPolicyText;
  if (!text) return false;
  return (
    isAllowedByPolicy(validatePolicyDocument(text, 'registry'), {
      principalArn: sourcePrincipalArn,
      principalAccountId: sourceAccountId,
      action,
      resourceArn,
    }) === 'allow'
  );
}
