import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { LifecycleRule } from '@ecr-kit/ecr-standard';
import {
  EcrStandardError,
  resolveCreationTemplateSettings,
} from '@ecr-kit/ecr-standard';

/**
 * How repositories that ECR creates on its own (pull-through cache, replication) are set up.
 * Defaults are the standard's: immutable tags, AES256, the standard lifecycle policy.
 */
export interface CreationTemplateArgs {
  /** Default: `false` (tags immutable). */
  readonly mutableTags?: boolean;
  /** Tags that stay mutable (→ `IMMUTABLE_WITH_EXCLUSION`). Default: none. */
  readonly mutableTagFilters?: string[];
  /** Default: `AES256`; `KMS` needs `kmsKeyArn`. */
  readonly encryption?: 'AES256' | 'KMS';
  /** KMS key for `KMS` encryption. Default: none. */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** Lifecycle rules replacing the standard ones. Default: the standard rules. */
  readonly lifecycleRules?: LifecycleRule[];
  /** Default: 14. */
  readonly untaggedExpiryDays?: number;
  /** Default: 500. */
  readonly maxImageCount?: number;
  /** Default: `false`. */
  readonly skipLifecyclePolicy?: boolean;
  /** IAM role ECR uses to apply KMS encryption or tags. Default: none (service-linked role). */
  readonly customRoleArn?: pulumi.Input<string>;
}

/** Validates a template and returns the inputs of an `aws.ecr.RepositoryCreationTemplate`. */
export function creationTemplateInputs(
  subject: string,
  args: CreationTemplateArgs,
  prefix: string,
  appliedFor: 'PULL_THROUGH_CACHE' | 'REPLICATION',
  description: string,
  region?: pulumi.Input<string>,
): aws.ecr.RepositoryCreationTemplateArgs {
  const encryption =
    args.encryption ?? (args.kmsKeyArn !== undefined ? 'KMS' : undefined);
  if (encryption === 'KMS' && args.kmsKeyArn === undefined) {
    throw new EcrStandardError(subject, [
      {
        field: 'kmsKeyArn',
        message: 'KMS encryption was asked for without a key',
        fix: 'give kmsKeyArn (ECR creates these repositories, so it cannot create a key for them)',
      },
    ]);
  }
  if (encryption === 'AES256' && args.kmsKeyArn !== undefined) {
    throw new EcrStandardError(subject, [
      {
        field: 'kmsKeyArn',
        message: 'a KMS key was given but encryption is AES256',
        fix: 'set encryption to "KMS" or remove kmsKeyArn',
      },
    ]);
  }
  const settings = resolveCreationTemplateSettings(subject, {
    mutableTags: args.mutableTags,
    mutableTagFilters: args.mutableTagFilters,
    encryption,
    lifecycleRules: args.lifecycleRules,
    untaggedExpiryDays: args.untaggedExpiryDays,
    maxImageCount: args.maxImageCount,
    skipLifecyclePolicy: args.skipLifecyclePolicy,
  });
  return {
    prefix,
    appliedFors: [appliedFor],
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
        ? { encryptionType: 'KMS', kmsKey: args.kmsKeyArn }
        : { encryptionType: 'AES256' },
    ],
    ...(settings.lifecyclePolicy !== undefined
      ? { lifecyclePolicy: settings.lifecyclePolicy }
      : {}),
    resourceTags: { ...settings.resourceTags },
    ...(args.customRoleArn !== undefined
      ? { customRoleArn: args.customRoleArn }
      : {}),
    ...(region !== undefined ? { region } : {}),
  };
}
