import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type {
  CreationTemplateSettings,
  CreationTemplateUse,
  EncryptionType,
  StandardViolation,
} from '@ecr-kit/ecr-standard';
import {
  EcrStandardError,
  parseRoleArn,
  partitionOf,
  resolveCreationTemplateSettings,
  throwIfViolations,
} from '@ecr-kit/ecr-standard';
import type { Registry } from './Registry';
import type { RepositoryLifecycleRule } from './schemaTypes';
import { standardLifecycleRules } from './schemaTypes';
import { templateRole } from './templateRole';

/**
 * What every creation template of ecr-kit takes.
 *
 * @public
 */
export interface TemplateBaseArgs {
  /** Default: `AES256`; `KMS` needs `kmsKeyArn`. */
  readonly encryption?: EncryptionType;
  /** KMS key ARN (`…:key/<id>`, in the template's Region) for `KMS` encryption. Default: none. */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** Lifecycle rules replacing the standard ones. Default: the standard rules. */
  readonly lifecycleRules?: RepositoryLifecycleRule[];
  /** Default: 14. */
  readonly untaggedExpiryDays?: number;
  /** Default: 500. */
  readonly maxImageCount?: number;
  /** Default: `false`. */
  readonly skipLifecyclePolicy?: boolean;
  /**
   * IAM role (of the template's account) that ECR assumes to tag the repositories it creates
   * and to use the KMS key. ECR needs one whenever a template sets tags or KMS, which ecr-kit
   * templates always do (the standard's tag). Default: a role is created, trusting
   * `ecr.amazonaws.com`, allowed `ecr:CreateRepository`, `ecr:ReplicateImage` and
   * `ecr:TagResource` on the registry's repositories and, with KMS, `kms:CreateGrant`,
   * `kms:RetireGrant` and `kms:DescribeKey` on the key.
   */
  readonly customRoleArn?: pulumi.Input<string>;
}

/**
 * How ECR creates replicated repositories in a destination: the standard's settings
 * (immutable tags, AES256, the standard lifecycle policy) unless changed here.
 *
 * @public
 */
export interface ReplicatedRepositoryTemplate extends TemplateBaseArgs {
  /** Default: `false` (tags immutable). */
  readonly mutableTags?: boolean;
  /** Tags that stay mutable (→ `IMMUTABLE_WITH_EXCLUSION`). Default: none. */
  readonly mutableTagFilters?: string[];
}

/**
 * How ECR creates the repositories of a pull-through cache. Tags are `MUTABLE` by default:
 * ECR updates a cached tag from the upstream (at most once every 24 hours) only where the tag
 * can move.
 *
 * @public
 */
export interface CachedRepositoryTemplate extends TemplateBaseArgs {
  /**
   * Make cached tags immutable: a cached tag then keeps the first digest ECR pulled, and
   * never receives the upstream's later fixes. Default: `false` (`MUTABLE`).
   */
  readonly immutableTags?: boolean;
  /** With `immutableTags`: tags that stay mutable, e.g. `["latest"]`. Default: none. */
  readonly mutableTagFilters?: string[];
}

/** A template, validated, ready to be created. */
export interface ResolvedTemplate {
  readonly settings: CreationTemplateSettings;
  readonly use: CreationTemplateUse;
  readonly kmsKeyArn?: pulumi.Input<string>;
  readonly customRoleArn?: pulumi.Input<string>;
}

/** A KMS key ARN as CreateRepositoryCreationTemplate takes it (`KmsKeyForRepositoryCreationTemplate` in the ECR model). */
const KMS_KEY_ARN =
  /^arn:(aws[a-z0-9-]*):kms:([a-z0-9-]+):(\d{12}):key\/[a-z0-9-]+$/;

/** Checks a template's options for `registry` and applies the standard; throws naming `subject`. */
export function resolveTemplate(
  subject: string,
  args: ReplicatedRepositoryTemplate | CachedRepositoryTemplate,
  use: CreationTemplateUse,
  registry: Pick<Registry, 'accountId' | 'region' | 'partition'>,
  field: string,
): ResolvedTemplate {
  const violations: StandardViolation[] = [];
  const at = (name: string) => `${field}.${name}`;
  const encryption =
    args.encryption ?? (args.kmsKeyArn !== undefined ? 'KMS' : undefined);
  if (encryption === 'KMS' && args.kmsKeyArn === undefined) {
    violations.push({
      field: at('kmsKeyArn'),
      message: 'KMS encryption was asked for without a key',
      fix: 'give kmsKeyArn (ECR creates these repositories, so it cannot create a key for them)',
    });
  }
  if (encryption === 'AES256' && args.kmsKeyArn !== undefined) {
    violations.push({
      field: at('kmsKeyArn'),
      message: 'a KMS key was given but encryption is AES256',
      fix: 'set encryption to "KMS" or remove kmsKeyArn',
    });
  }
  if (typeof args.kmsKeyArn === 'string') {
    const key = KMS_KEY_ARN.exec(args.kmsKeyArn);
    if (!key) {
      violations.push({
        field: at('kmsKeyArn'),
        message: `"${args.kmsKeyArn}" is not a KMS key ARN; a creation template takes arn:<partition>:kms:<region>:<account>:key/<id> only (no alias, no key ID)`,
        fix: "give the key's ARN",
      });
    } else if (key[2] !== registry.region || key[1] !== registry.partition) {
      violations.push({
        field: at('kmsKeyArn'),
        message: `the key is in ${key[2]}, the template in ${registry.region}; KMS keys encrypt in their own Region only`,
        fix: `give a key of ${registry.region} (with several destination Regions, one Replication component per Region)`,
      });
    }
  }
  if (typeof args.customRoleArn === 'string') {
    const role = parseRoleArn(args.customRoleArn);
    if (
      !role ||
      role.accountId !== registry.accountId ||
      role.partition !== partitionOf(registry.region).id
    ) {
      violations.push({
        field: at('customRoleArn'),
        message: `"${args.customRoleArn}" is not an IAM role of account ${registry.accountId} (${registry.partition}); ECR assumes only a role of the template's own account`,
        fix: "give a role of the template's account, or leave customRoleArn out to let ecr-kit create one",
      });
    }
  }
  let settings: CreationTemplateSettings | undefined;
  try {
    settings = resolveCreationTemplateSettings(
      subject,
      {
        ...args,
        lifecycleRules: standardLifecycleRules(args.lifecycleRules),
        encryption,
      },
      use,
    );
  } catch (error) {
    if (!(error instanceof EcrStandardError)) throw error;
    violations.push(
      ...error.violations.map(v => ({
        ...v,
        field: at(v.field),
      })),
    );
  }
  throwIfViolations(subject, violations);
  return {
    settings: settings!,
    use,
    ...(args.kmsKeyArn !== undefined ? { kmsKeyArn: args.kmsKeyArn } : {}),
    ...(args.customRoleArn !== undefined
      ? { customRoleArn: args.customRoleArn }
      : {}),
  };
}

/** The role a template names, and what the template must wait for. */
export interface TemplateRole {
  readonly arn: pulumi.Input<string>;
  readonly ready: pulumi.Resource[];
  /** The role, when ecr-kit created it. */
  readonly role?: aws.iam.Role;
}

/**
 * The role ECR assumes for `template`: the caller's, or one created (once per component and
 * registry) under `roleName`. Returns its ARN and what a template must wait for.
 */
export function roleFor(
  template: ResolvedTemplate,
  roleName: string,
  registry: Registry,
  parent: pulumi.Resource,
): TemplateRole {
  if (template.customRoleArn !== undefined) {
    return { arn: template.customRoleArn, ready: [] };
  }
  const role = templateRole(roleName, registry, template.kmsKeyArn, parent);
  return { arn: role.role.arn, ready: [role.policy], role: role.role };
}

/** Creates the `aws.ecr.RepositoryCreationTemplate` of `template` in `registry`. */
export function createTemplate(
  name: string,
  template: ResolvedTemplate,
  prefix: string,
  description: string,
  role: TemplateRole,
  registry: Registry,
  parent: pulumi.Resource,
): aws.ecr.RepositoryCreationTemplate {
  const { settings } = template;
  return new aws.ecr.RepositoryCreationTemplate(
    name,
    {
      prefix,
      appliedFors: [template.use],
      description,
      imageTagMutability: settings.imageTagMutability,
      ...(settings.exclusionFilters.length > 0
        ? {
            imageTagMutabilityExclusionFilters: settings.exclusionFilters.map(
              f => ({ ...f }),
            ),
          }
        : {}),
      encryptionConfigurations: [
        settings.encryption === 'KMS'
          ? { encryptionType: 'KMS', kmsKey: template.kmsKeyArn }
          : { encryptionType: 'AES256' },
      ],
      ...(settings.lifecyclePolicy !== undefined
        ? { lifecyclePolicy: settings.lifecyclePolicy }
        : {}),
      resourceTags: { ...settings.resourceTags },
      customRoleArn: role.arn,
      region: registry.region,
    },
    // The role's permissions are in place before ECR can use the template.
    { ...registry.childOptions(parent), dependsOn: role.ready },
  );
}

/**
 * @deprecated Renamed `CachedRepositoryTemplate` (the name other languages see); this alias goes in 1.0.
 *
 * @public
 */
export type CachedRepositoryArgs = CachedRepositoryTemplate;

/**
 * @deprecated Renamed `ReplicatedRepositoryTemplate` (the name other languages see); this alias goes in 1.0.
 *
 * @public
 */
export type CreationTemplateArgs = ReplicatedRepositoryTemplate;
