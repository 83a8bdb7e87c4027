import type { StandardViolation } from './EcrStandardError';
import { validateAccountId, validateOrganizationId } from './awsIdentifiers';

/** One IAM policy statement as it appears in an ECR repository or registry policy. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: Record<
    string,
    Record<string, string | readonly string[]>
  >;
}

/** An IAM policy document. */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

/** Actions needed to pull an image. */
export const PULL_ACTIONS = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
] as const;

/** Actions needed to push (and pull) an image. */
export const PUSH_ACTIONS = [
  ...PULL_ACTIONS,
  'ecr:CompleteLayerUpload',
  'ecr:InitiateLayerUpload',
  'ecr:PutImage',
  'ecr:UploadLayerPart',
] as const;

/** Turns free text into a valid statement ID (letters and digits only). */
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

function accountRoot(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}

/** Who may use a standardized repository; everything is off by default. */
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
   * Accounts whose Lambda functions may pull (cross-account); with `lambdaPull` and
   * no accounts, Lambda in any account allowed by IAM may pull. Default: none.
   */
  readonly lambdaAccounts?: readonly string[];
  /** Extra statements appended as given. Default: none. */
  readonly policyStatements?: readonly PolicyStatement[];
}

/**
 * Builds the repository policy statements for `options`, with violations for malformed
 * account or organization IDs. Returns no statements when nothing is granted.
 */
export function repositoryPolicyStatements(
  options: RepositoryAccessOptions,
  field = '',
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
  const statements: PolicyStatement[] = [];
  if (options.pullAccounts?.length) {
    statements.push({
      Sid: 'PullForAccounts',
      Effect: 'Allow',
      Principal: { AWS: options.pullAccounts.map(accountRoot) },
      Action: [...PULL_ACTIONS],
    });
  }
  if (options.pushAccounts?.length) {
    statements.push({
      Sid: 'PushForAccounts',
      Effect: 'Allow',
      Principal: { AWS: options.pushAccounts.map(accountRoot) },
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
    statements.push({
      Sid: 'LambdaPull',
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
      ...(options.lambdaAccounts?.length
        ? {
            Condition: {
              StringLike: {
                'aws:sourceArn': options.lambdaAccounts.map(
                  a => `arn:aws:lambda:*:${a}:function:*`,
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
      ...validateStatements(statements, at('policyStatements')),
    ],
  };
}

/**
 * Checks that statements can share one policy: every statement has an effect and an
 * action, and no two share a `Sid`.
 */
export function validateStatements(
  statements: readonly PolicyStatement[],
  field: string,
): StandardViolation[] {
  const violations: StandardViolation[] = [];
  const sids = new Set<string>();
  statements.forEach((statement, i) => {
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
      violations.push({
        field: `${field}[${i}].Effect`,
        message: 'Effect must be "Allow" or "Deny"',
        fix: 'set Effect',
      });
    }
    if (!statement.Action || statement.Action.length === 0) {
      violations.push({
        field: `${field}[${i}].Action`,
        message: 'the statement has no Action',
        fix: 'list the ECR actions it covers',
      });
    }
    if (statement.Sid !== undefined) {
      if (!/^[A-Za-z0-9]+$/.test(statement.Sid)) {
        violations.push({
          field: `${field}[${i}].Sid`,
          message: `Sid "${statement.Sid}" has characters other than letters and digits`,
          fix: `use e.g. "${statementId(statement.Sid) || 'Statement1'}"`,
        });
      }
      if (sids.has(statement.Sid)) {
        violations.push({
          field: `${field}[${i}].Sid`,
          message: `Sid "${statement.Sid}" is used twice`,
          fix: 'give every statement of the policy a unique Sid',
        });
      }
      sids.add(statement.Sid);
    }
  });
  return violations;
}

/** A policy document holding `statements`. */
export function policyDocument(
  statements: readonly PolicyStatement[],
): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/**
 * Registry policy statement that lets `sourceAccountId` replicate into the destination
 * registry: `ecr:CreateRepository` and `ecr:ReplicateImage` on its repositories.
 */
export function replicationRegistryStatement(
  sourceAccountId: string,
  destination: { readonly accountId: string; readonly region: string },
): PolicyStatement {
  return {
    Sid: statementId('ReplicationFrom', sourceAccountId),
    Effect: 'Allow',
    Principal: { AWS: accountRoot(sourceAccountId) },
    Action: ['ecr:CreateRepository', 'ecr:ReplicateImage'],
    Resource: `arn:aws:ecr:${destination.region}:${destination.accountId}:repository/*`,
  };
}

/**
 * Registry policy statement that lets `principals` (account IDs or IAM ARNs) create
 * cached repositories and import upstream images under `namespace/` only.
 */
export function pullThroughCacheRegistryStatement(
  registry: { readonly accountId: string; readonly region: string },
  namespace: string,
  principals: readonly string[],
): PolicyStatement {
  return {
    Sid: statementId('PullThroughCache', namespace),
    Effect: 'Allow',
    Principal: {
      AWS: principals.map(p => (/^\d{12}$/.test(p) ? accountRoot(p) : p)),
    },
    Action: ['ecr:CreateRepository', 'ecr:BatchImportUpstreamImage'],
    Resource: `arn:aws:ecr:${registry.region}:${registry.accountId}:repository/${namespace}/*`,
  };
}
