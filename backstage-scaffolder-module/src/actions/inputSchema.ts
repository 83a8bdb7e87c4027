import type { z as zod } from 'zod/v3';
import {
  DEFAULT_ENCRYPTION,
  EncryptionType,
  LifecycleActionType,
  LifecycleCountType,
  LifecycleStorageClass,
  LifecycleTagStatus,
  MAX_TAG_PATTERN_WILDCARDS,
  REPOSITORY_STANDARD_OPTIONS,
  REPOSITORY_STANDARD_OPTION_NAMES,
  type RepositoryStandardOptions,
  type StandardOptionValues,
} from '@ecr-kit/ecr-standard';

// The inputs are the standard's options (REPOSITORY_STANDARD_OPTIONS), each of the kind and
// with the description the standard gives it, except those below; an option added to the
// standard is an input of the action with nothing to change here.

/** Options of the standard the action does not take, and why. */
export const OPTIONS_NOT_TAKEN = {
  forceDelete: 'the action never deletes a repository',
  policyStatements:
    'free-form policy statements are not self-service: grant accounts, an organization or Lambda instead',
} as const satisfies Partial<Record<keyof RepositoryStandardOptions, string>>;

/** Options the action states itself: `name` is `repositoryName`, `region` is required. */
const STATED_HERE = ['name', 'region'] as const;

type TakenOption = Exclude<
  keyof RepositoryStandardOptions,
  keyof typeof OPTIONS_NOT_TAKEN | (typeof STATED_HERE)[number]
>;
type TakenKind = (typeof REPOSITORY_STANDARD_OPTIONS)[TakenOption]['type'];

const notDerived: readonly string[] = [
  ...STATED_HERE,
  ...Object.keys(OPTIONS_NOT_TAKEN),
];
const TAKEN_OPTIONS = REPOSITORY_STANDARD_OPTION_NAMES.filter(
  (name): name is TakenOption => !notDerived.includes(name),
);

/** Descriptions that say more than the standard's, about the action's own inputs. */
const DESCRIBED_HERE: Partial<Record<TakenOption, string>> = {
  encryption: `Encryption at rest: AES256 (S3-managed keys) or KMS. Default: ${DEFAULT_ENCRYPTION}, or KMS when kmsKeyArn is given.`,
};

/** A lifecycle rule (the standard's `LifecycleRule`) as the action takes it. */
export function lifecycleRuleSchema(z: typeof zod) {
  return z
    .object({
      description: z
        .string()
        .optional()
        .describe('Shown in the console and in error messages.'),
      priority: z
        .number()
        .optional()
        .describe(
          'Evaluation order, lowest first. Default: list order; the "any" rule last.',
        ),
      tagStatus: z
        .nativeEnum(LifecycleTagStatus)
        .describe('Which images the rule selects by tag.'),
      tagPrefixList: z
        .array(z.string())
        .optional()
        .describe('Tag prefixes ("tagged" rules only).'),
      tagPatternList: z
        .array(z.string())
        .optional()
        .describe(
          `Tag patterns with up to ${MAX_TAG_PATTERN_WILDCARDS} "*" each ("tagged" rules only).`,
        ),
      countType: z
        .nativeEnum(LifecycleCountType)
        .describe('What the rule counts.'),
      countNumber: z
        .number()
        .describe('Image count or number of days (a positive integer).'),
      countUnit: z
        .literal('days')
        .optional()
        .describe('Unit of the since… count types. Default: days.'),
      storageClass: z
        .nativeEnum(LifecycleStorageClass)
        .optional()
        .describe(
          'Storage class the rule selects. Default: archive for sinceImageTransitioned, else standard.',
        ),
      action: z
        .nativeEnum(LifecycleActionType)
        .optional()
        .describe('Default: expire. transition moves images to archive.'),
    })
    .strict();
}

/** The action's schema of each kind of option value the inputs take. */
const OPTION_SCHEMAS: {
  readonly [K in TakenKind]: (
    z: typeof zod,
  ) => zod.ZodType<StandardOptionValues[K]>;
} = {
  string: z => z.string(),
  boolean: z => z.boolean(),
  number: z => z.number(),
  strings: z => z.array(z.string()),
  encryption: z => z.nativeEnum(EncryptionType),
  lifecycleRules: z => z.array(lifecycleRuleSchema(z)),
};

/** Input schema of `ecr:repository:create`; every field documents its default. */
export function inputSchema(z: typeof zod) {
  const standardInputs = Object.fromEntries(
    TAKEN_OPTIONS.map(name => {
      const option = REPOSITORY_STANDARD_OPTIONS[name];
      return [
        name,
        OPTION_SCHEMAS[option.type](z)
          .optional()
          .describe(DESCRIBED_HERE[name] ?? option.description),
      ];
    }),
  ) as {
    [K in TakenOption]: zod.ZodOptional<
      zod.ZodType<NonNullable<RepositoryStandardOptions[K]>>
    >;
  };
  return z
    .object({
      repositoryName: z
        .string()
        .describe(REPOSITORY_STANDARD_OPTIONS.name.description),
      accountId: z
        .string()
        .describe(
          '12-digit AWS account ID that owns the registry. Its credentials come from aws.accounts in app-config.',
        ),
      region: z
        .string()
        .describe('AWS Region of the registry, e.g. eu-west-1.'),
      ...standardInputs,
      kmsKeyArn: z
        .string()
        .optional()
        .describe(
          'ARN of the KMS key for KMS encryption. Default: the AWS managed aws/ecr key.',
        ),
      tags: z
        .record(z.string())
        .optional()
        .describe(
          'Extra repository tags, e.g. {"team": "payments"}. The standard tags win on conflict. Default: none.',
        ),
    })
    .strict();
}

/** Output schema of `ecr:repository:create`. */
export function outputSchema(z: typeof zod) {
  return z.object({
    repositoryName: z.string().describe('Name of the repository.'),
    repositoryUri: z
      .string()
      .describe(
        'URI to tag and push images with, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/api.',
      ),
    repositoryArn: z.string().describe('ARN of the repository.'),
    registryId: z
      .string()
      .describe('Account ID of the registry holding the repository.'),
    catalogAnnotations: z
      .record(z.string())
      .describe(
        'Annotations linking a catalog entity to the repository: { "aws.amazon.com/amazon-ecr-arn": <ARN> }.',
      ),
    created: z
      .boolean()
      .describe(
        'false when an identical repository already existed (or in a dry run).',
      ),
  });
}

/** The action's input as the handler receives it. */
export type EcrRepositoryInput = zod.infer<ReturnType<typeof inputSchema>>;
