// The standard's options as data: every consumer (Pulumi component, creation templates,
// scaffolder action) takes its settings from these tables, so that an option added to the
// standard reaches each of them, or fails their build or tests until it does.
import {
  DEFAULT_ENCRYPTION,
  DEFAULT_MAX_IMAGE_COUNT,
  DEFAULT_SCAN_ON_PUSH,
  DEFAULT_UNTAGGED_EXPIRY_DAYS,
  ENTITY_REF_TAG,
} from './defaults';
import type { LifecycleRule } from './lifecycle';
import type { PolicyStatement } from './policyDocuments';
import type {
  CreationTemplateOptions,
  CreationTemplateUse,
  EncryptionType,
  RepositoryStandardOptions,
} from './repositorySettings';
import { MAX_TAG_EXCLUSION_FILTERS } from './tagMutability';

/**
 * The kinds of value an option of the standard takes, by name, for consumers that state
 * the option in their own schema language (zod, JSON Schema, a form).
 *
 * @public
 */
export interface StandardOptionValues {
  readonly string: string;
  readonly boolean: boolean;
  readonly number: number;
  readonly strings: readonly string[];
  readonly encryption: EncryptionType;
  readonly lifecycleRules: readonly LifecycleRule[];
  readonly policyStatements: readonly PolicyStatement[];
}

/**
 * The name of a kind of option value, e.g. `boolean`.
 *
 * @public
 */
export type StandardOptionType = keyof StandardOptionValues;

/**
 * The kind of value `T` is exactly (`never` when no kind is, which makes the option's entry
 * in {@link REPOSITORY_STANDARD_OPTIONS} fail to compile until the kind is added).
 *
 * @public
 */
export type StandardOptionTypeOf<T> = {
  [K in StandardOptionType]: [T] extends [StandardOptionValues[K]]
    ? [StandardOptionValues[K]] extends [T]
      ? K
      : never
    : never;
}[StandardOptionType];

/**
 * What a consumer needs to offer one option of the standard.
 *
 * @public
 */
export interface StandardOptionSpec<
  T extends StandardOptionType = StandardOptionType,
> {
  /** Kind of value. */
  readonly type: T;
  /** What the option does and its default, as plain text for schemas and forms. */
  readonly description: string;
}

/**
 * One entry for every option of {@link RepositoryStandardOptions}, of its value's kind.
 *
 * @public
 */
export type RepositoryStandardOptionSpecs = {
  readonly [K in keyof RepositoryStandardOptions]-?: StandardOptionSpec<
    StandardOptionTypeOf<NonNullable<RepositoryStandardOptions[K]>>
  >;
};

const accountList = (what: string) =>
  `12-digit AWS account IDs whose principals may ${what} (added to the repository policy). Default: none.`;

/**
 * Every option of a standardized repository, with the kind of value it takes and its
 * description. The compiler holds this table to {@link RepositoryStandardOptions}: an option
 * added there is missing here until it is described.
 *
 * @public
 */
export const REPOSITORY_STANDARD_OPTIONS: RepositoryStandardOptionSpecs = {
  name: {
    type: 'string',
    description:
      'Repository name: lowercase path components separated by "/", e.g. "payments/api".',
  },
  mutableTags: {
    type: 'boolean',
    description:
      'Make every tag mutable (MUTABLE). Default: false, tags are IMMUTABLE.',
  },
  mutableTagFilters: {
    type: 'strings',
    description: `1–${MAX_TAG_EXCLUSION_FILTERS} wildcard filters of tags that stay mutable (e.g. ["dev-*"]); makes the repository IMMUTABLE_WITH_EXCLUSION. Default: none.`,
  },
  scanOnPush: {
    type: 'boolean',
    description: `Scan images on push. Default: ${DEFAULT_SCAN_ON_PUSH}.`,
  },
  encryption: {
    type: 'encryption',
    description: `Encryption at rest: AES256 (S3-managed keys) or KMS. Default: ${DEFAULT_ENCRYPTION}.`,
  },
  lifecycleRules: {
    type: 'lifecycleRules',
    description: `Lifecycle rules replacing the standard ones. Default: the standard rules (expire untagged images after ${DEFAULT_UNTAGGED_EXPIRY_DAYS} days, keep ${DEFAULT_MAX_IMAGE_COUNT} images).`,
  },
  untaggedExpiryDays: {
    type: 'number',
    description: `Days after which the standard rules expire untagged images. Default: ${DEFAULT_UNTAGGED_EXPIRY_DAYS}.`,
  },
  maxImageCount: {
    type: 'number',
    description: `Images the standard rules keep. Default: ${DEFAULT_MAX_IMAGE_COUNT}.`,
  },
  skipLifecyclePolicy: {
    type: 'boolean',
    description: 'Create no lifecycle policy. Default: false.',
  },
  pullAccounts: { type: 'strings', description: accountList('pull images') },
  pushAccounts: {
    type: 'strings',
    description: accountList('push and pull images'),
  },
  pullOrganizationIds: {
    type: 'strings',
    description:
      'AWS Organizations IDs (o-…) whose principals may pull images. Default: none.',
  },
  lambdaPull: {
    type: 'boolean',
    description:
      'Let AWS Lambda pull images for container-image functions (of this account, or of lambdaAccounts). Default: false.',
  },
  lambdaAccounts: {
    type: 'strings',
    description:
      'Accounts whose Lambda functions may pull (cross-account, same Region; needs lambdaPull). Default: none.',
  },
  policyStatements: {
    type: 'policyStatements',
    description:
      'Extra repository policy statements, appended as given. Default: none.',
  },
  entityRef: {
    type: 'string',
    description: `Catalog entity owning the repository, e.g. "component:default/payments"; stored in the ${ENTITY_REF_TAG} tag. Default: none.`,
  },
  forceDelete: {
    type: 'boolean',
    description:
      'Delete the repository even when it holds images. Default: false.',
  },
  region: {
    type: 'string',
    description:
      'Region of the repository, for the partition of its policy ARNs (arn:aws-us-gov:… in us-gov-*). Default: unknown, commercial ARNs.',
  },
};

/**
 * The names of {@link REPOSITORY_STANDARD_OPTIONS}, in its order.
 *
 * @public
 */
export const REPOSITORY_STANDARD_OPTION_NAMES = Object.keys(
  REPOSITORY_STANDARD_OPTIONS,
) as readonly (keyof RepositoryStandardOptions)[];

/**
 * The fields of `values` that are options of the standard (those that are set), so that a
 * consumer passes its arguments on without naming each one.
 *
 * @public
 */
export function pickRepositoryStandardOptions<T extends object>(
  values: T,
): Pick<T, Extract<keyof T, keyof RepositoryStandardOptions>> {
  const source = values as Partial<Record<string, unknown>>;
  const picked: Partial<Record<string, unknown>> = {};
  for (const name of REPOSITORY_STANDARD_OPTION_NAMES) {
    if (source[name] !== undefined) picked[name] = source[name];
  }
  return picked as Pick<T, Extract<keyof T, keyof RepositoryStandardOptions>>;
}

const ALL_USES = ['PULL_THROUGH_CACHE', 'REPLICATION'] as const;

/**
 * The uses of a creation template that each of its options applies to. Cached repositories
 * are mutable unless `immutableTags` asks otherwise; replicated ones are immutable unless
 * `mutableTags` does (see `resolveCreationTemplateSettings`, which rejects the other).
 *
 * @public
 */
export const CREATION_TEMPLATE_OPTION_USES = {
  mutableTags: ['REPLICATION'],
  immutableTags: ['PULL_THROUGH_CACHE'],
  mutableTagFilters: ALL_USES,
  encryption: ALL_USES,
  lifecycleRules: ALL_USES,
  untaggedExpiryDays: ALL_USES,
  maxImageCount: ALL_USES,
  skipLifecyclePolicy: ALL_USES,
} as const satisfies {
  readonly [
    K in keyof CreationTemplateOptions
  ]-?: readonly CreationTemplateUse[];
};

/**
 * The options of a creation template for `U`, e.g. `CreationTemplateOptionFor<'REPLICATION'>`.
 *
 * @public
 */
export type CreationTemplateOptionFor<U extends CreationTemplateUse> = {
  [
    K in keyof typeof CREATION_TEMPLATE_OPTION_USES
  ]: U extends (typeof CREATION_TEMPLATE_OPTION_USES)[K][number] ? K : never;
}[keyof typeof CREATION_TEMPLATE_OPTION_USES];

/**
 * The options of a creation template for `use`, in the order of
 * {@link CREATION_TEMPLATE_OPTION_USES}.
 *
 * @public
 */
export function creationTemplateOptionNames<U extends CreationTemplateUse>(
  use: U,
): CreationTemplateOptionFor<U>[] {
  return Object.entries(CREATION_TEMPLATE_OPTION_USES)
    .filter(([, uses]) =>
      (uses as readonly CreationTemplateUse[]).includes(use),
    )
    .map(([name]) => name as CreationTemplateOptionFor<U>);
}

/**
 * `true` when `A` has exactly the keys of `B`; otherwise the keys missing from `A` and those
 * it has beyond `B`, so that `const check: SameKeys<A, B> = true` fails to compile, naming
 * them, when a consumer's arguments and the standard's options part ways.
 *
 * @public
 */
export type SameKeys<A, B> = [
  Exclude<keyof B, keyof A>,
  Exclude<keyof A, keyof B>,
] extends [never, never]
  ? true
  : {
      readonly missing: Exclude<keyof B, keyof A>;
      readonly extra: Exclude<keyof A, keyof B>;
    };
