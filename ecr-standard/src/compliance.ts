import type { StandardViolation } from './EcrStandardError';
import {
  DEFAULT_CACHED_TAG_MUTABILITY,
  DEFAULT_ENCRYPTION,
  DEFAULT_FORCE_DELETE,
  DEFAULT_MAX_IMAGE_COUNT,
  DEFAULT_SCAN_ON_PUSH,
  DEFAULT_TAG_MUTABILITY,
  DEFAULT_UNTAGGED_EXPIRY_DAYS,
} from './defaults';
import type { PolicyStatement } from './policyDocuments';
import { resolveTagMutability } from './tagMutability';

// The standard's rules stated over ECR's own settings, as `aws:ecr/*` resources of any
// program (or ECR's API) carry them: what a repository or template made without ecr-kit
// must look like to meet the standard. The policy pack (@ecr-kit/pulumi-policy) reports
// these; ecr-kit's components produce settings that pass them.

/**
 * ECR's settings when a resource leaves them out (CreateRepository, the creation template API).
 *
 * @public
 */
export const ECR_DEFAULTS = {
  imageTagMutability: 'MUTABLE',
  scanOnPush: false,
  encryptionType: 'AES256',
  forceDelete: false,
  templateImageTagMutability: 'MUTABLE',
} as const;

/**
 * A repository's settings as ECR (and `aws.ecr.Repository`) names them.
 *
 * @public
 */
export interface EcrRepositoryFacts {
  readonly imageTagMutability?: string;
  readonly exclusionFilters?: readonly string[];
  readonly scanOnPush?: boolean;
  readonly encryptionType?: string;
  readonly kmsKey?: string;
  readonly forceDelete?: boolean;
}

/**
 * How strict the rules are where the standard lets teams choose.
 *
 * @public
 */
export interface ComplianceOptions {
  /** Accept `IMMUTABLE_WITH_EXCLUSION` (tags matching the filters move). Default: `true`. */
  readonly allowExclusions?: boolean;
  /** Require KMS encryption (any KMS key, or `kmsKeyRequired` for a customer managed one). Default: `false`. */
  readonly requireKms?: boolean;
  /** With `requireKms`: require a customer managed key (`kmsKey`), not the `aws/ecr` key. Default: `false`. */
  readonly kmsKeyRequired?: boolean;
}

/**
 * Violations of the standard's tag immutability by a repository or replication template.
 *
 * @public
 */
export function tagImmutabilityViolations(
  facts: Pick<EcrRepositoryFacts, 'imageTagMutability' | 'exclusionFilters'>,
  options: ComplianceOptions = {},
): StandardViolation[] {
  const mutability =
    facts.imageTagMutability ?? ECR_DEFAULTS.imageTagMutability;
  const allowExclusions = options.allowExclusions ?? true;
  if (mutability === DEFAULT_TAG_MUTABILITY) return [];
  if (mutability === 'IMMUTABLE_WITH_EXCLUSION' && allowExclusions) {
    return resolveTagMutability(
      { mutableTagFilters: facts.exclusionFilters ?? [] },
      'imageTagMutabilityExclusionFilters',
    ).violations;
  }
  return [
    {
      field: 'imageTagMutability',
      message: `"${mutability}"${facts.imageTagMutability === undefined ? " (ECR's default)" : ''} lets a pushed tag move to another image, so a deployed tag no longer says what runs`,
      fix: allowExclusions
        ? `set imageTagMutability: "${DEFAULT_TAG_MUTABILITY}" (or "IMMUTABLE_WITH_EXCLUSION" with imageTagMutabilityExclusionFilters for tags that must move, e.g. latest)`
        : `set imageTagMutability: "${DEFAULT_TAG_MUTABILITY}"`,
    },
  ];
}

/**
 * Violations of scan on push by a repository. `coveredByRegistryScanning` says whether a
 * registry scanning configuration already scans it on push (or continuously).
 *
 * @public
 */
export function scanOnPushViolations(
  facts: Pick<EcrRepositoryFacts, 'scanOnPush'>,
  coveredByRegistryScanning: boolean,
): StandardViolation[] {
  const scanOnPush = facts.scanOnPush ?? ECR_DEFAULTS.scanOnPush;
  if (scanOnPush === DEFAULT_SCAN_ON_PUSH || coveredByRegistryScanning)
    return [];
  return [
    {
      field: 'imageScanningConfiguration.scanOnPush',
      message: `images are not scanned when pushed${facts.scanOnPush === undefined ? " (ECR's default)" : ''}, and no registry scanning configuration covers the repository`,
      fix: 'set imageScanningConfiguration: { scanOnPush: true }, or add a registry scanning rule (SCAN_ON_PUSH or CONTINUOUS_SCAN) whose filter matches the repository',
    },
  ];
}

/**
 * Violations of the encryption rules by a repository or creation template.
 *
 * @public
 */
export function encryptionViolations(
  facts: Pick<EcrRepositoryFacts, 'encryptionType' | 'kmsKey'>,
  options: ComplianceOptions = {},
  field = 'encryptionConfigurations[0]',
): StandardViolation[] {
  const type = facts.encryptionType ?? ECR_DEFAULTS.encryptionType;
  const kms = type === 'KMS' || type === 'KMS_DSSE';
  if (type !== DEFAULT_ENCRYPTION && !kms) {
    return [
      {
        field: `${field}.encryptionType`,
        message: `encryption "${type}" is not one ECR supports`,
        fix: 'use "AES256" or "KMS"',
      },
    ];
  }
  if (options.requireKms && !kms) {
    return [
      {
        field: `${field}.encryptionType`,
        message: `"${type}" encryption, where this organization requires KMS`,
        fix: `set ${field}: { encryptionType: "KMS", kmsKey: <key ARN> }`,
      },
    ];
  }
  if (options.requireKms && options.kmsKeyRequired && !facts.kmsKey) {
    return [
      {
        field: `${field}.kmsKey`,
        message:
          "KMS encryption with ECR's AWS managed key, where this organization requires its own key",
        fix: `set ${field}.kmsKey to the ARN of a customer managed key of the repository's Region`,
      },
    ];
  }
  return [];
}

/**
 * Violations of the lifecycle rule by a repository: it has a lifecycle policy.
 *
 * @public
 */
export function lifecyclePolicyViolations(
  hasLifecyclePolicy: boolean,
): StandardViolation[] {
  return hasLifecyclePolicy
    ? []
    : [
        {
          field: 'lifecycle policy',
          message:
            'the repository has no lifecycle policy, so untagged and old images are kept (and paid for) forever',
          fix: `add an aws.ecr.LifecyclePolicy for it (the standard: expire untagged images ${DEFAULT_UNTAGGED_EXPIRY_DAYS} days after push, keep at most ${DEFAULT_MAX_IMAGE_COUNT} images), or use @ecr-kit/pulumi's Repository`,
        },
      ];
}

/**
 * Violations of the data protection rule by a repository.
 *
 * @public
 */
export function forceDeleteViolations(
  facts: Pick<EcrRepositoryFacts, 'forceDelete'>,
): StandardViolation[] {
  return (facts.forceDelete ?? ECR_DEFAULTS.forceDelete) ===
    DEFAULT_FORCE_DELETE
    ? []
    : [
        {
          field: 'forceDelete',
          message: 'deleting the repository also deletes every image in it',
          fix: 'remove forceDelete (or set it to false); delete images deliberately before the repository',
        },
      ];
}

/**
 * A repository creation template's settings as ECR names them.
 *
 * @public
 */
export interface EcrCreationTemplateFacts {
  readonly appliedFor: readonly string[];
  readonly imageTagMutability?: string;
  readonly exclusionFilters?: readonly string[];
  readonly resourceTags?: Readonly<Record<string, unknown>>;
  readonly encryptionType?: string;
  readonly kmsKey?: string;
  readonly customRoleArn?: string;
}

/**
 * Violations of ECR's role requirement by a creation template that tags or uses KMS.
 *
 * @public
 */
export function templateRoleViolations(
  facts: Omit<EcrCreationTemplateFacts, 'appliedFor'>,
): StandardViolation[] {
  const tags = Object.keys(facts.resourceTags ?? {}).length > 0;
  const kms =
    facts.encryptionType === 'KMS' || facts.encryptionType === 'KMS_DSSE';
  if (!(tags || kms) || facts.customRoleArn) return [];
  return [
    {
      field: 'customRoleArn',
      message: `the template ${tags ? 'sets resourceTags' : ''}${tags && kms ? ' and ' : ''}${kms ? 'uses KMS' : ''} without a role, so ECR fails to create the first repository from it`,
      fix: 'set customRoleArn to a role of the account trusted by ecr.amazonaws.com and allowed ecr:CreateRepository, ecr:ReplicateImage, ecr:TagResource (and, with KMS, kms:CreateGrant, kms:RetireGrant, kms:DescribeKey)',
    },
  ];
}

/**
 * Violations of the cached-repository rule by a template applied to `PULL_THROUGH_CACHE`:
 * cached repositories stay mutable so that ECR can move a cached tag to its upstream's new
 * digest. Templates not applied to the cache have none.
 *
 * @public
 */
export function cachedTagMutabilityViolations(
  facts: Pick<EcrCreationTemplateFacts, 'appliedFor' | 'imageTagMutability'>,
  options: { readonly allowImmutableCachedTags?: boolean } = {},
): StandardViolation[] {
  const mutability =
    facts.imageTagMutability ?? ECR_DEFAULTS.templateImageTagMutability;
  if (
    !facts.appliedFor.includes('PULL_THROUGH_CACHE') ||
    mutability === DEFAULT_CACHED_TAG_MUTABILITY ||
    options.allowImmutableCachedTags
  ) {
    return [];
  }
  return [
    {
      field: 'imageTagMutability',
      message: `cached repositories would be "${mutability}": ECR could never move a cached tag (e.g. nginx:1.27) to the upstream's new digest, so it would never receive upstream fixes`,
      fix: `set imageTagMutability: "${DEFAULT_CACHED_TAG_MUTABILITY}" (or leave it out) in templates applied to PULL_THROUGH_CACHE`,
    },
  ];
}

/**
 * Violations of the tag immutability rule by a template applied to `REPLICATION` only:
 * replicated repositories follow the repository standard.
 *
 * @public
 */
export function replicatedTagImmutabilityViolations(
  facts: Pick<
    EcrCreationTemplateFacts,
    'appliedFor' | 'imageTagMutability' | 'exclusionFilters'
  >,
  options: ComplianceOptions = {},
): StandardViolation[] {
  if (
    facts.appliedFor.includes('PULL_THROUGH_CACHE') ||
    !facts.appliedFor.includes('REPLICATION')
  ) {
    return [];
  }
  return tagImmutabilityViolations(
    {
      imageTagMutability:
        facts.imageTagMutability ?? ECR_DEFAULTS.templateImageTagMutability,
      ...(facts.exclusionFilters
        ? { exclusionFilters: facts.exclusionFilters }
        : {}),
    },
    options,
  );
}

/**
 * Every violation of the standard by a repository creation template.
 *
 * @public
 */
export function creationTemplateViolations(
  facts: EcrCreationTemplateFacts,
  options: ComplianceOptions & {
    readonly allowImmutableCachedTags?: boolean;
  } = {},
): StandardViolation[] {
  return [
    ...templateRoleViolations(facts),
    ...cachedTagMutabilityViolations(facts, options),
    ...replicatedTagImmutabilityViolations(facts, options),
    ...encryptionViolations(facts, options),
  ];
}

/**
 * Condition keys that limit a `"*"` principal to known principals: the standard itself grants
 * organization pulls as `"*"` with `aws:PrincipalOrgID`.
 *
 * @public
 */
export const PRINCIPAL_SCOPING_CONDITION_KEYS: readonly string[] = [
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:SourceAccount',
  'aws:SourceArn',
  'aws:SourceOrgID',
];

function isWildcardPrincipal(principal: unknown): boolean {
  if (principal === '*') return true;
  if (principal === null || typeof principal !== 'object') return false;
  const aws = (principal as Record<string, unknown>).AWS;
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}

function scopesPrincipal(condition: PolicyStatement['Condition']): boolean {
  const keys = Object.values(condition ?? {}).flatMap(values =>
    Object.keys(values ?? {}),
  );
  return keys.some(key =>
    PRINCIPAL_SCOPING_CONDITION_KEYS.some(
      scoping => scoping.toLowerCase() === key.toLowerCase(),
    ),
  );
}

/**
 * Violations by statements that allow anyone (`"*"` or `{ AWS: "*" }`, or `NotPrincipal`)
 * without a condition naming who: public repositories belong in ECR Public, not here.
 *
 * @public
 */
export function publicPrincipalViolations(
  statements: readonly PolicyStatement[],
  field = 'policy.Statement',
): StandardViolation[] {
  const violations: StandardViolation[] = [];
  statements.forEach((statement, i) => {
    if (statement.Effect !== 'Allow') return;
    const open =
      statement.NotPrincipal !== undefined ||
      isWildcardPrincipal(statement.Principal);
    if (open && !scopesPrincipal(statement.Condition)) {
      violations.push({
        field: `${field}[${i}]${statement.Sid ? ` (${statement.Sid})` : ''}.${statement.NotPrincipal !== undefined ? 'NotPrincipal' : 'Principal'}`,
        message: 'allows anyone, in every AWS account, to use the registry',
        fix: `name the accounts or roles (Principal: { AWS: ["arn:aws:iam::<account>:root"] }), or keep "*" with a condition on ${PRINCIPAL_SCOPING_CONDITION_KEYS.slice(0, 2).join(' or ')}`,
      });
    }
  });
  return violations;
}

/**
 * Whether an ECR WILDCARD filter (registry scanning, tag mutability exclusions) matches
 * `value`: `*` matches any characters, everything else itself.
 *
 * @public
 */
export function wildcardFilterMatches(filter: string, value: string): boolean {
  const pattern = filter
    .split('*')
    .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(value);
}
