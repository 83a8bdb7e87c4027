import type * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import type { RegistryIdentity } from '@ecr-kit/ecr-standard';
import {
  upstreamRolePolicy,
  upstreamRoleTrustPolicy,
} from '@ecr-kit/ecr-standard';
import type { Registry } from './Registry';
import { serviceRole } from './serviceRole';

/**
 * The IAM role ECR's pull through cache assumes to read an ECR upstream of another account
 * (ECR user guide, pull-through-cache-private): trusted by
 * `pullthroughcache.ecr.amazonaws.com`, allowed to read the upstream and import into the
 * cache. The upstream's owner must still grant this account (or role) pulls in its registry
 * or repository policy.
 */
export function upstreamRole(
  name: string,
  registry: Registry,
  upstream: RegistryIdentity,
  parent: pulumi.Resource,
): { role: aws.iam.Role; policy: aws.iam.RolePolicy } {
  return serviceRole(name, registry, parent, {
    namePrefix: 'ecr-kit-upstream-',
    description: `ECR pull through cache of ${registry.accountId}/${registry.region} reads ${upstream.accountId}/${upstream.region} with this role`,
    trustPolicy: upstreamRoleTrustPolicy(),
    policy: JSON.stringify(upstreamRolePolicy(registry.identity, upstream)),
  });
}
