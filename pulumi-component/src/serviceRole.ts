import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import type { Registry } from './Registry';

/** What sets one ECR service role apart: its name, its trust and its permissions. */
export interface ServiceRoleSpec {
  /** IAM role names are global to the account; a prefix keeps them unique and short. */
  readonly namePrefix: string;
  readonly description: string;
  /** Who may assume the role (an IAM trust policy document). */
  readonly trustPolicy: object;
  /** The role's one inline policy, as JSON. */
  readonly policy: pulumi.Input<string>;
}

/** An IAM role an ECR service assumes, and its inline policy, as children of `parent`. */
export function serviceRole(
  name: string,
  registry: Registry,
  parent: pulumi.Resource,
  spec: ServiceRoleSpec,
): { role: aws.iam.Role; policy: aws.iam.RolePolicy } {
  const opts = registry.childOptions(parent);
  const role = new aws.iam.Role(
    name,
    {
      namePrefix: spec.namePrefix,
      description: spec.description,
      assumeRolePolicy: JSON.stringify(spec.trustPolicy),
    },
    opts,
  );
  const policy = new aws.iam.RolePolicy(
    name,
    { role: role.name, policy: spec.policy },
    opts,
  );
  return { role, policy };
}
