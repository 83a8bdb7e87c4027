import type { StandardViolation } from './EcrStandardError';
import { throwIfViolations } from './EcrStandardError';
import {
  DEFAULT_CACHED_TAG_MUTABILITY,
  DEFAULT_ENCRYPTION,
  DEFAULT_FORCE_DELETE,
  DEFAULT_SCAN_ON_PUSH,
  ENTITY_REF_TAG,
  STANDARD_TAG,
  STANDARD_VERSION,
} from './defaults';
import type { DefaultLifecycleOptions, LifecycleRule } from './lifecycle';
import { buildLifecyclePolicy, defaultLifecycleRules } from './lifecycle';
import type {
  PolicyDocument,
  RepositoryAccessOptions,
} from './policyDocuments';
import {
  policyDocument,
  repositoryPolicyStatements,
  validatePolicyLength,
} from './policyDocuments';
import { validateRepositoryName } from './repositoryName';
import type {
  ImageTagMutability,
  TagMutabilityExclusionFilter,
  TagMutabilityOptions,
} from './tagMutability';
import { resolveTagMutability } from './tagMutability';

/**
 * Encryption of a repository: `AES256` (S3-managed) or `KMS`.
 *
 * @public
 */
export const EncryptionType = {
  /** Amazon S3-managed keys. */
  Aes256: 'AES256',
  /** An AWS KMS key. */
  Kms: 'KMS',
} as const;
/**
 * Encryption of a repository: `AES256` (S3-managed) or `KMS`.
 *
 * @public
 */
export type EncryptionType =
  (typeof EncryptionType)[keyof typeof EncryptionType];

/**
 * Lifecycle choices of a repository or creation template.
 *
 * @public
 */
export interface LifecycleOptions extends DefaultLifecycleOptions {
  /** Rules replacing the standard ones. Default: the standard rules. */
  readonly lifecycleRules?: readonly LifecycleRule[];
  /** Opt out of a lifecycle policy. Default: `false`. */
  readonly skipLifecyclePolicy?: boolean;
}

/**
 * Everything the standard decides about a repository, as the caller may override it.
 *
 * @public
 */
export interface RepositoryStandardOptions
  extends TagMutabilityOptions, LifecycleOptions, RepositoryAccessOptions {
  /** Repository name, e.g. `team/service`. */
  readonly name: string;
  /** Default: `true`. */
  readonly scanOnPush?: boolean;
  /** Default: `AES256`. */
  readonly encryption?: EncryptionType;
  /** Catalog entity owning the repository, e.g. `component:default/payments`. Default: none. */
  readonly entityRef?: string;
  /** Delete the repository even when it holds images. Default: `false`. */
  readonly forceDelete?: boolean;
  /**
   * Region of the repository, for the partition of the policy's ARNs (`arn:aws-us-gov:…` in
   * `us-gov-*`). Default: unknown — commercial ARNs, and `*` as the Region of Lambda's
   * source ARNs.
   */
  readonly region?: string;
}

/**
 * The resolved, validated settings of a standardized repository.
 *
 * @public
 */
export interface RepositorySettings {
  readonly name: string;
  readonly imageTagMutability: ImageTagMutability;
  readonly exclusionFilters: readonly TagMutabilityExclusionFilter[];
  readonly scanOnPush: boolean;
  readonly encryption: EncryptionType;
  /** Lifecycle policy text; absent when skipped. */
  readonly lifecyclePolicy?: string;
  /** Repository policy; absent when nothing is granted. */
  readonly policy?: PolicyDocument;
  readonly forceDelete: boolean;
  /** Tags the standard puts on the repository. */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * A catalog entity reference `[kind:][namespace/]name` that is also a valid AWS tag value.
 *
 * @public
 */
export const ENTITY_REF_PATTERN =
  /^(?:[a-zA-Z][a-zA-Z0-9-]*:)?(?:[a-zA-Z0-9][a-zA-Z0-9._-]*\/)?[a-zA-Z0-9][a-zA-Z0-9._-]*$/;

/**
 * Resolves the lifecycle policy text (or none) for lifecycle options.
 *
 * @public
 */
export function resolveLifecyclePolicy(options: LifecycleOptions): {
  lifecyclePolicy?: string;
  violations: StandardViolation[];
} {
  if (options.skipLifecyclePolicy) {
    const conflicting = (
      ['lifecycleRules', 'untaggedExpiryDays', 'maxImageCount'] as const
    ).filter(key => options[key] !== undefined);
    return {
      violations: conflicting.map(key => ({
        field: key,
        message: `${key} is set but the lifecycle policy is skipped`,
        fix: `remove ${key} or skipLifecyclePolicy`,
      })),
    };
  }
  const violations: StandardViolation[] = [];
  if (options.lifecycleRules !== undefined) {
    for (const key of ['untaggedExpiryDays', 'maxImageCount'] as const) {
      if (options[key] !== undefined) {
        violations.push({
          field: key,
          message: `${key} only shapes the standard rules, but lifecycleRules replaces them`,
          fix: `remove ${key}, or put the equivalent rule in lifecycleRules`,
        });
      }
    }
  }
  const built = buildLifecyclePolicy(
    options.lifecycleRules ?? defaultLifecycleRules(options),
    'lifecycleRules',
  );
  return {
    lifecyclePolicy: built.text,
    violations: [...violations, ...built.violations],
  };
}

/** The encryption type, the standard's default when unset, or why it is not supported. */
function resolveEncryption(requested: EncryptionType | undefined): {
  type: EncryptionType;
  violations: StandardViolation[];
} {
  const type = requested ?? DEFAULT_ENCRYPTION;
  return {
    type,
    violations:
      type === 'AES256' || type === 'KMS'
        ? []
        : [
            {
              field: 'encryption',
              message: `encryption "${type}" is not supported`,
              fix: 'use "AES256" or "KMS"',
            },
          ],
  };
}

/**
 * Applies the standard to `options`: returns the settings of the repository, or throws an
 * `EcrStandardError` naming `subject` and listing every violation with its fix.
 *
 * @public
 */
export function resolveRepositorySettings(
  subject: string,
  options: RepositoryStandardOptions,
): RepositorySettings {
  const violations: StandardViolation[] = [
    ...validateRepositoryName(options.name, 'name'),
  ];
  const mutability = resolveTagMutability(options);
  violations.push(...mutability.violations);
  const encryption = resolveEncryption(options.encryption);
  violations.push(...encryption.violations);
  const lifecycle = resolveLifecyclePolicy(options);
  violations.push(...lifecycle.violations);
  const access = repositoryPolicyStatements(options, '', {
    region: options.region,
  });
  violations.push(...access.violations);
  if (access.statements.length > 0) {
    violations.push(
      ...validatePolicyLength(
        policyDocument(access.statements),
        'policyStatements',
        'repository',
      ),
    );
  }
  if (
    options.entityRef !== undefined &&
    (!ENTITY_REF_PATTERN.test(options.entityRef) ||
      options.entityRef.length > 256)
  ) {
    violations.push({
      field: 'entityRef',
      message: `"${options.entityRef}" is not a catalog entity reference`,
      fix: 'use "kind:namespace/name", e.g. "component:default/payments"',
    });
  }
  throwIfViolations(subject, violations);
  return {
    name: options.name,
    imageTagMutability: mutability.imageTagMutability,
    exclusionFilters: mutability.exclusionFilters,
    scanOnPush: options.scanOnPush ?? DEFAULT_SCAN_ON_PUSH,
    encryption: encryption.type,
    ...(lifecycle.lifecyclePolicy !== undefined
      ? { lifecyclePolicy: lifecycle.lifecyclePolicy }
      : {}),
    ...(access.statements.length > 0
      ? { policy: policyDocument(access.statements) }
      : {}),
    forceDelete: options.forceDelete ?? DEFAULT_FORCE_DELETE,
    tags: {
      [STANDARD_TAG]: STANDARD_VERSION,
      ...(options.entityRef !== undefined
        ? { [ENTITY_REF_TAG]: options.entityRef }
        : {}),
    },
  };
}

/**
 * Settings of a repository creation template that applies the standard to created repositories.
 *
 * @public
 */
export interface CreationTemplateSettings {
  readonly imageTagMutability: ImageTagMutability;
  readonly exclusionFilters: readonly TagMutabilityExclusionFilter[];
  readonly encryption: EncryptionType;
  readonly lifecyclePolicy?: string;
  readonly resourceTags: Readonly<Record<string, string>>;
}

/**
 * What ECR creates repositories from a template for.
 *
 * @public
 */
export type CreationTemplateUse = 'PULL_THROUGH_CACHE' | 'REPLICATION';

/**
 * Options of a creation template (pull-through cache or replication).
 *
 * @public
 */
export interface CreationTemplateOptions
  extends TagMutabilityOptions, LifecycleOptions {
  /** Default: `AES256`. */
  readonly encryption?: EncryptionType;
  /**
   * Pull-through-cache templates only: make cached tags immutable (with `mutableTagFilters`,
   * all but those). Default: `false` — cached repositories are `MUTABLE` so that ECR can move
   * a cached tag to the upstream's new digest.
   */
  readonly immutableTags?: boolean;
}

function cachedTagMutability(options: CreationTemplateOptions): {
  imageTagMutability: ImageTagMutability;
  exclusionFilters: TagMutabilityExclusionFilter[];
  violations: StandardViolation[];
} {
  const violations: StandardViolation[] = [];
  if (options.mutableTags !== undefined) {
    violations.push({
      field: 'mutableTags',
      message: `cached repositories are ${DEFAULT_CACHED_TAG_MUTABILITY} unless immutableTags is set; mutableTags does not apply to them`,
      fix: 'remove mutableTags (set immutableTags: true to make cached tags immutable)',
    });
  }
  if (!options.immutableTags) {
    if (options.mutableTagFilters !== undefined) {
      violations.push({
        field: 'mutableTagFilters',
        message:
          'mutableTagFilters exempt tags from immutability, but cached tags are mutable',
        fix: 'set immutableTags: true as well, or remove mutableTagFilters',
      });
    }
    return {
      imageTagMutability: DEFAULT_CACHED_TAG_MUTABILITY,
      exclusionFilters: [],
      violations,
    };
  }
  const mutability = resolveTagMutability({
    mutableTagFilters: options.mutableTagFilters,
  });
  return {
    ...mutability,
    violations: [...violations, ...mutability.violations],
  };
}

/**
 * Applies the standard to a repository creation template, or throws naming `subject`.
 * Replicated repositories follow the repository standard (immutable tags); cached ones are
 * mutable unless `immutableTags` asks otherwise (see {@link DEFAULT_CACHED_TAG_MUTABILITY}).
 *
 * @public
 */
export function resolveCreationTemplateSettings(
  subject: string,
  options: CreationTemplateOptions,
  use: CreationTemplateUse = 'REPLICATION',
): CreationTemplateSettings {
  const mutability =
    use === 'PULL_THROUGH_CACHE'
      ? cachedTagMutability(options)
      : resolveTagMutability(options);
  const lifecycle = resolveLifecyclePolicy(options);
  const violations = [...mutability.violations, ...lifecycle.violations];
  if (use === 'REPLICATION' && options.immutableTags !== undefined) {
    violations.push({
      field: 'immutableTags',
      message: 'immutableTags only applies to cached repositories',
      fix: 'remove immutableTags (replicated repositories are immutable unless mutableTags is set)',
    });
  }
  const encryption = resolveEncryption(options.encryption);
  violations.push(...encryption.violations);
  throwIfViolations(subject, violations);
  return {
    imageTagMutability: mutability.imageTagMutability,
    exclusionFilters: mutability.exclusionFilters,
    encryption: encryption.type,
    ...(lifecycle.lifecyclePolicy !== undefined
      ? { lifecyclePolicy: lifecycle.lifecyclePolicy }
      : {}),
    resourceTags: { [STANDARD_TAG]: STANDARD_VERSION },
  };
}
