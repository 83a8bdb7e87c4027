import type { RegistryIdentity } from './awsIdentifiers';
import { formatArn } from './partitions';
import { SERVICE_PRINCIPALS } from './principals';

/**
 * An IAM policy document for a role: its trust policy or an identity policy.
 *
 * @public
 */
export interface RolePolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly {
    readonly Sid?: string;
    readonly Effect: 'Allow';
    readonly Principal?: { readonly Service: string };
    readonly Action: string | readonly string[];
    readonly Resource?: string | readonly string[];
  }[];
}

function trustedBy(service: string): RolePolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: service },
        Action: 'sts:AssumeRole',
      },
    ],
  };
}

/**
 * Trust policy of the role a repository creation template names in `customRoleArn`: ECR
 * assumes it (ECR user guide, repository-creation-templates-create-iam).
 *
 * @public
 */
export function creationTemplateRoleTrustPolicy(): RolePolicyDocument {
  return trustedBy(SERVICE_PRINCIPALS.ecr);
}

/**
 * Permissions of a creation template's role, least privilege: create, tag and receive
 * replicated images only in `registry`'s repositories, and use only the given KMS keys
 * (ECR user guide, repository-creation-templates-custom: `ecr:CreateRepository`,
 * `ecr:ReplicateImage`, `ecr:TagResource`; `kms:CreateGrant`, `kms:RetireGrant`,
 * `kms:DescribeKey` when a template encrypts with KMS).
 *
 * @public
 */
export function creationTemplateRolePolicy(
  registry: RegistryIdentity,
  kmsKeyArns: readonly string[],
): RolePolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'CreateRepositoriesFromTemplates',
        Effect: 'Allow',
        Action: [
          'ecr:CreateRepository',
          'ecr:ReplicateImage',
          'ecr:TagResource',
        ],
        Resource: formatArn({
          service: 'ecr',
          region: registry.region,
          accountId: registry.accountId,
          resource: 'repository/*',
        }),
      },
      ...(kmsKeyArns.length > 0
        ? [
            {
              Sid: 'EncryptWithTheTemplateKey',
              Effect: 'Allow' as const,
              Action: ['kms:CreateGrant', 'kms:RetireGrant', 'kms:DescribeKey'],
              Resource: [...kmsKeyArns],
            },
          ]
        : []),
    ],
  };
}

/**
 * Trust policy of the role an ECR-to-ECR pull through cache rule names in `customRoleArn`:
 * ECR's pull through cache assumes it (ECR user guide, pull-through-cache-private).
 *
 * @public
 */
export function upstreamRoleTrustPolicy(): RolePolicyDocument {
  return trustedBy(SERVICE_PRINCIPALS.pullThroughCache);
}

/**
 * Permissions of that role: read the upstream registry's images and import them into
 * `registry`'s cached repositories. The user guide's example grants these actions on `*`;
 * the reads are scoped here to the upstream registry and the writes to the cache registry.
 *
 * @public
 */
export function upstreamRolePolicy(
  registry: RegistryIdentity,
  upstream: RegistryIdentity,
): RolePolicyDocument {
  const repositories = (r: RegistryIdentity) =>
    formatArn({
      service: 'ecr',
      region: r.region,
      accountId: r.accountId,
      resource: 'repository/*',
    });
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Authenticate',
        Effect: 'Allow',
        Action: 'ecr:GetAuthorizationToken',
        Resource: '*',
      },
      {
        Sid: 'ReadUpstream',
        Effect: 'Allow',
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        Resource: repositories(upstream),
      },
      {
        Sid: 'ImportIntoTheCache',
        Effect: 'Allow',
        Action: [
          'ecr:BatchImportUpstreamImage',
          'ecr:GetImageCopyStatus',
          'ecr:BatchCheckLayerAvailability',
          'ecr:InitiateLayerUpload',
          'ecr:UploadLayerPart',
          'ecr:CompleteLayerUpload',
          'ecr:PutImage',
        ],
        Resource: repositories(registry),
      },
    ],
  };
}
