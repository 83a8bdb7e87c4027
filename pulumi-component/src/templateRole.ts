import type * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import {
  creationTemplateRolePolicy,
  creationTemplateRoleTrustPolicy,
} from '@ecr-kit/ecr-standard';
import type { Registry } from './Registry';
import { serviceRole } from './serviceRole';

/**
 * The IAM role ECR assumes to create repositories from creation templates of `registry`
 * (tagging them and, with `kmsKeyArn`, encrypting with that key): trust and least-privilege
 * permissions from the standard (ECR user guide, repository-creation-templates-create-iam).
 */
export function templateRole(
  name: string,
  registry: Registry,
  kmsKeyArn: pulumi.Input<string> | undefined,
  parent: pulumi.Resource,
): { role: aws.iam.Role; policy: aws.iam.RolePolicy } {
  return serviceRole(name, registry, parent, {
    namePrefix: 'ecr-kit-templates-',
    description: `ECR creates repositories of registry ${registry.accountId}/${registry.region} from ecr-kit creation templates with this role`,
    trustPolicy: creationTemplateRoleTrustPolicy(),
    policy: pulumi
      .output(kmsKeyArn)
      .apply(key =>
        JSON.stringify(
          creationTemplateRolePolicy(registry.identity, key ? [key] : []),
        ),
      ),
  });
}
