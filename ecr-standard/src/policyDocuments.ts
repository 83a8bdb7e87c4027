import type { StandardViolation } from './EcrStandardError';
import type { RegistryIdentity } from './awsIdentifiers';
import { validateAccountId, validateOrganizationId } from './awsIdentifiers';
import { formatArn, partitionOf } from './partitions';
import { SERVICE_PRINCIPALS, accountRootArn } from './principals';

/**
 * Effect of a policy statement.
 *
 * @public
 */
export const PolicyEffect = { Allow: 'Allow', Deny: 'Deny' } as const;
/**
 * Effect of a policy statement.
 *
 * @public
 */
export type PolicyEffect = (typeof PolicyEffect)[keyof typeof PolicyEffect];

/**
 * One IAM policy statement as it appears in an ECR repository or registry policy.
 *
 * @public
 */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: PolicyEffect;
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Condition?: Record<
    string,
    Record<string, string | readonly string[]>
  >;
}

/**
 * An IAM policy document.
 *
 * @public
 */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

/**
 * Which resource policy statements go to: a repository policy (SetRepositoryPolicy), which
 * takes no `Resource` element, or a registry policy (PutRegistryPolicy), which needs one.
 *
 * @public
 */
export type PolicyKind = 'repository' | 'registry';

/**
 * Longest repository or registry policy text ECR takes (`RepositoryPolicyText`, `RegistryPolicyText` in the ECR API model).
 *
 * @public
 */
export const POLICY_TEXT_MAX_LENGTH = 10240;

/**
 * Actions needed to pull an image.
 *
 * @public
 */
export const PULL_ACTIONS = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
] as const;

/**
 * Actions needed to push (and pull) an image.
 *
 * @public
 */
export const PUSH_ACTIONS = [
  ...PULL_ACTIONS,
  'ecr:CompleteLayerUpload',
  'ecr:InitiateLayerUpload',
  'ecr:PutImage',
  'ecr:UploadLayerPart',
] as const;

/**
 * What Lambda needs to pull a function's image (Lambda developer guide, images-create permissions).
 *
 * @public
 */
export const LAMBDA_PULL_ACTIONS = [
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
] as const;

/**
 * Statement IDs ECR takes: letters, digits, spaces and hyphens (the console's default
 * `new statement`; `allow-statement`), as the ECR user guide's examples and local-ecr-api show.
 * IAM's own rule (letters and digits) is stricter than ECR's.
 *
 * @public
 */
export const STATEMENT_ID_PATTERN = /^[A-Za-z0-9 -]*$/;

/**
 * Turns free text into a valid statement ID (letters and digits only).
 *
 * @public
 */
export function statementId(...parts: string[]): string {
  return parts
    .map(part =>
      part
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map(word => word[0].toUpperCase() + word.slice(1))
        .join(''),
    )
    .join('');
}

/**
 * Who may use a standardized repository; everything is off by default.
 *
 * @public
 */
export interface RepositoryAccessOptions {
  /** Account IDs allowed to pull. Default: none. */
  readonly pullAccounts?: readonly string[];
  /** Account IDs allowed to push (and pull). Default: none. */
  readonly pushAccounts?: readonly string[];
  /** AWS Organizations IDs whose principals may pull. Default: none. */
  readonly pullOrganizationIds?: readonly string[];
  /** Let AWS Lambda pull images for container-image functions. Default: `false`. */
  readonly lambdaPull?: boolean;
  /**
   * Accounts whose Lambda functions may pull (cross-account, same Region); with `lambdaPull`
   * and no accounts, Lambda functions of this account may pull. Default: none.
   */
  readonly lambdaAccounts?: readonly string[];
  /** Extra statements appended as given. Default: none. */
  readonly policyStatements?: readonly PolicyStatement[];
}

/**
 * Where a repository lives, as far as its policy's ARNs are concerned.
 *
 * @public
 */
export interface PolicyLocation {
  /** Partition id of the repository, e.g. `aws-us-gov`. Default: `aws`, or `region`'s. */
  readonly partition?: string;
  /** Region of the repository. Default: `*` (any Region of the partition). */
  readonly region?: string;
}

function locate(location: PolicyLocation): {
  partition: string;
  region: string;
} {
  const region = location.region ?? '*';
  return {
    partition:
      location.partition ??
      (location.region ? partitionOf(location.region).id : 'aws'),
    region,
  };
}

/**
 * Builds the repository policy statements for `options`, with violations for malformed
 * account or organization IDs and for statements ECR would refuse in a repository policy.
 * Returns no statements when nothing is granted. ARNs are those of `location`'s partition.
 *
 * @public
 */
export function repositoryPolicyStatements(
  options: RepositoryAccessOptions,
  field = '',
  location: PolicyLocation = {},
): { statements: PolicyStatement[]; violations: StandardViolation[] } {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const violations: StandardViolation[] = [
    ...(options.pullAccounts ?? []).flatMap((a, i) =>
      validateAccountId(a, `${at('pullAccounts')}[${i}]`),
    ),
    ...(options.pushAccounts ?? []).flatMap((a, i) =>
      validateAccountId(a, `${at('pushAccounts')}[${i}]`),
    ),
    ...(options.lambdaAccounts ?? []).flatMap((a, i) =>
      validateAccountId(a, `${at('lambdaAccounts')}[${i}]`),
    ),
    ...(options.pullOrganizationIds ?? []).flatMap((o, i) =>
      validateOrganizationId(o, `${at('pullOrganizationIds')}[${i}]`),
    ),
  ];
  if (options.lambdaAccounts?.length && !options.lambdaPull) {
    violations.push({
      field: at('lambdaAccounts'),
      message: 'lambdaAccounts is set but lambdaPull is not',
      fix: 'set lambdaPull: true, or remove lambdaAccounts',
    });
  }
  const { partition, region } = locate(location);
  const root = (accountId: string) => accountRootArn(accountId, partition);
  const statements: PolicyStatement[] = [];
  if (options.pullAccounts?.length) {
    statements.push({
      Sid: 'PullForAccounts',
      Effect: 'Allow',
      Principal: { AWS: options.pullAccounts.map(root) },
      Action: [...PULL_ACTIONS],
    });
  }
  if (options.pushAccounts?.length) {
    statements.push({
      Sid: 'PushForAccounts',
      Effect: 'Allow',
      Principal: { AWS: options.pushAccounts.map(root) },
      Action: [...PUSH_ACTIONS],
    });
  }
  if (options.pullOrganizationIds?.length) {
    statements.push({
      Sid: 'PullForOrganization',
      Effect: 'Allow',
      Principal: '*',
      Action: [...PULL_ACTIONS],
      Condition: {
        StringEquals: {
          'aws:PrincipalOrgID': [...options.pullOrganizationIds],
        },
      },
    });
  }
  if (options.lambdaPull) {
    const accounts = options.lambdaAccounts ?? [];
    if (accounts.length > 0) {
      // A function in another account pulls with that account's identity AND as the Lambda
      // service: AWS's cross-account example needs both statements (AWS re:Post knowledge
      // center "lambda-ecr-image"; AWS Compute Blog, cross-account ECR access for Lambda).
      statements.push({
        Sid: 'LambdaAccountsPull',
        Effect: 'Allow',
        Principal: { AWS: accounts.map(root) },
        Action: [...LAMBDA_PULL_ACTIONS],
      });
    }
    statements.push({
      Sid: 'LambdaPull',
      Effect: 'Allow',
      Principal: { Service: SERVICE_PRINCIPALS.lambda },
      Action: [...LAMBDA_PULL_ACTIONS],
      ...(accounts.length
        ? {
            Condition: {
              StringLike: {
                'aws:sourceArn': accounts.map(accountId =>
                  formatArn({
                    service: 'lambda',
                    region,
                    accountId,
                    resource: 'function:*',
                    partition,
                  }),
                ),
              },
            },
          }
        : {}),
    });
  }
  statements.push(...(options.policyStatements ?? []));
  return {
    statements,
    violations: [
      ...violations,
      ...validateStatements(statements, at('policyStatements'), 'repository'),
    ],
  };
}

/**
 * Checks that statements can share one policy of `kind` as ECR takes it: every statement has
 * an effect, an action and a principal; `Sid`s are unique and of ECR's characters; a
 * repository policy has no `Resource` (ECR refuses it: aws/aws-cdk#24314), a registry policy
 * statement names one (registry-permissions-examples). Without `kind`, only the first checks.
 *
 * @public
 */
export function validateStatements(
  statements: readonly PolicyStatement[],
  field: string,
  kind?: PolicyKind,
): StandardViolation[] {
  const violations: StandardViolation[] = [];
  const sids = new Set<string>();
  statements.forEach((statement, i) => {
    const at = `${field}[${i}]`;
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
      violations.push({
        field: `${at}.Effect`,
        message: 'Effect must be "Allow" or "Deny"',
        fix: 'set Effect',
      });
    }
    if (!statement.Action || statement.Action.length === 0) {
      violations.push({
        field: `${at}.Action`,
        message: 'the statement has no Action',
        fix: 'list the ECR actions it covers',
      });
    }
    if (statement.Sid !== undefined) {
      if (!STATEMENT_ID_PATTERN.test(statement.Sid)) {
        violations.push({
          field: `${at}.Sid`,
          message: `Sid "${statement.Sid}" has characters other than letters, digits, spaces and hyphens`,
          fix: `use e.g. "${statementId(statement.Sid) || 'Statement1'}"`,
        });
      }
      if (sids.has(statement.Sid)) {
        violations.push({
          field: `${at}.Sid`,
          message: `Sid "${statement.Sid}" is used twice`,
          fix: 'give every statement of the policy a unique Sid',
        });
      }
      sids.add(statement.Sid);
    }
    if (kind === undefined) return;
    if (
      statement.Principal === undefined &&
      statement.NotPrincipal === undefined
    ) {
      violations.push({
        field: `${at}.Principal`,
        message: `a ${kind} policy statement must name its Principal`,
        fix: 'add Principal, e.g. { AWS: "arn:aws:iam::123456789012:root" }',
      });
    }
    const resource =
      statement.Resource !== undefined || statement.NotResource !== undefined;
    if (kind === 'repository' && resource) {
      violations.push({
        field: `${at}.${statement.Resource !== undefined ? 'Resource' : 'NotResource'}`,
        message:
          'ECR refuses a Resource element in a repository policy: the statement applies to the repository it is attached to',
        fix: 'remove Resource (to grant on several repositories, use a registry policy or identity policies)',
      });
    }
    if (kind === 'registry' && !resource) {
      violations.push({
        field: `${at}.Resource`,
        message:
          'a registry policy statement must name the repositories it covers',
        fix: 'add Resource, e.g. "arn:aws:ecr:eu-west-1:123456789012:repository/team/*"',
      });
    }
  });
  return violations;
}

/**
 * Violations of ECR's length limit by the text of `document`.
 *
 * @public
 */
export function validatePolicyLength(
  document: PolicyDocument,
  field: string,
  kind: PolicyKind,
): StandardViolation[] {
  const length = JSON.stringify(document).length;
  return length > POLICY_TEXT_MAX_LENGTH
    ? [
        {
          field,
          message: `the ${kind} policy text would have ${length} characters; ECR takes at most ${POLICY_TEXT_MAX_LENGTH}`,
          fix: 'merge statements (list several principals or actions in one) or grant through identity policies',
        },
      ]
    : [];
}

/**
 * A policy document holding `statements`.
 *
 * @public
 */
export function policyDocument(
  statements: readonly PolicyStatement[],
): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/**
 * The repository policy of `options` for a repository in `location` (its partition's ARNs),
 * or undefined when nothing is granted. Validation is `resolveRepositorySettings`'s job; this
 * only builds the document again once the repository's partition and Region are known.
 *
 * @public
 */
export function repositoryPolicyDocument(
  options: RepositoryAccessOptions,
  location: PolicyLocation,
): PolicyDocument | undefined {
  const { statements } = repositoryPolicyStatements(options, '', location);
  return statements.length > 0 ? policyDocument(statements) : undefined;
}

/**
 * Registry policy statement that lets `sourceAccountId` replicate into the destination
 * registry: `ecr:CreateRepository` and `ecr:ReplicateImage` on its repositories (ECR user
 * guide, registry-permissions-create-replication), in the destination's partition.
 *
 * @public
 */
export function replicationRegistryStatement(
  sourceAccountId: string,
  destination: RegistryIdentity,
): PolicyStatement {
  const partition = partitionOf(destination.region).id;
  return {
    Sid: statementId('ReplicationFrom', sourceAccountId),
    Effect: 'Allow',
    Principal: { AWS: accountRootArn(sourceAccountId, partition) },
    Action: ['ecr:CreateRepository', 'ecr:ReplicateImage'],
    Resource: formatArn({
      service: 'ecr',
      region: destination.region,
      accountId: destination.accountId,
      resource: 'repository/*',
    }),
  };
}

/**
 * Registry policy statement that lets `principals` (account IDs or IAM ARNs) create cached
 * repositories and import upstream images under `path/` only, where `path` is a cache
 * namespace or a path inside one (`ecr-public`, `ecr-public/docker`), in the registry's
 * partition (ECR user guide, pull-through-cache-iam).
 *
 * @public
 */
export function pullThroughCacheRegistryStatement(
  registry: RegistryIdentity,
  path: string,
  principals: readonly string[],
): PolicyStatement {
  const partition = partitionOf(registry.region).id;
  return {
    Sid: statementId('PullThroughCache', path),
    Effect: 'Allow',
    Principal: {
      AWS: principals.map(p =>
        /^\d{12}$/.test(p) ? accountRootArn(p, partition) : p,
      ),
    },
    Action: ['ecr:CreateRepository', 'ecr:BatchImportUpstreamImage'],
    Resource: formatArn({
      service: 'ecr',
      region: registry.region,
      accountId: registry.accountId,
      resource: `repository/${path}/*`,
    }),
  };
}
