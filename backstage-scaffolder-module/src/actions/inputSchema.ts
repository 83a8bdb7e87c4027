import type { z as zod } from 'zod/v3';
import {
  DEFAULT_MAX_IMAGE_COUNT,
  DEFAULT_UNTAGGED_EXPIRY_DAYS,
  ENTITY_REF_TAG,
} from '@ecr-kit/ecr-standard';

/** Input schema of `ecr:repository:create`; every field documents its default. */
export function inputSchema(z: typeof zod) {
  const accountList = (what: string) =>
    z
      .array(z.string())
      .optional()
      .describe(
        `12-digit AWS account IDs whose principals may ${what} (added to the repository policy). Default: none.`,
      );
  const lifecycleRule = z
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
        .enum(['any', 'tagged', 'untagged'])
        .describe('Which images the rule selects by tag.'),
      tagPrefixList: z
        .array(z.string())
        .optional()
        .describe('Tag prefixes ("tagged" rules only).'),
      tagPatternList: z
        .array(z.string())
        .optional()
        .describe('Tag patterns with up to 4 "*" each ("tagged" rules only).'),
      countType: z
        .enum([
          'imageCountMoreThan',
          'sinceImagePushed',
          'sinceImagePulled',
          'sinceImageTransitioned',
        ])
        .describe('What the rule counts.'),
      countNumber: z
        .number()
        .describe('Image count or number of days (a positive integer).'),
      countUnit: z
        .literal('days')
        .optional()
        .describe('Unit of the since… count types. Default: days.'),
      storageClass: z
        .enum(['standard', 'archive'])
        .optional()
        .describe(
          'Storage class the rule selects. Default: archive for sinceImageTransitioned, else standard.',
        ),
      action: z
        .enum(['expire', 'transition'])
        .optional()
        .describe('Default: expire. transition moves images to archive.'),
    })
    .strict();

  return z
    .object({
      repositoryName: z
        .string()
        .describe(
          'Repository name: lowercase path components separated by "/", e.g. "payments/api".',
        ),
      accountId: z
        .string()
        .describe(
          '12-digit AWS account ID that owns the registry. Its credentials come from aws.accounts in app-config.',
        ),
      region: z
        .string()
        .describe('AWS Region of the registry, e.g. eu-west-1.'),
      mutableTags: z
        .boolean()
        .optional()
        .describe(
          'Make every tag mutable (MUTABLE). Default: false, tags are IMMUTABLE.',
        ),
      mutableTagFilters: z
        .array(z.string())
        .optional()
        .describe(
          '1–5 wildcard filters of tags that stay mutable (e.g. ["dev-*"]); makes the repository IMMUTABLE_WITH_EXCLUSION. Default: none.',
        ),
      scanOnPush: z
        .boolean()
        .optional()
        .describe('Scan images on push. Default: true.'),
      encryption: z
        .enum(['AES256', 'KMS'])
        .optional()
        .describe(
          'Encryption at rest. Default: AES256, or KMS when kmsKeyArn is given.',
        ),
      kmsKeyArn: z
        .string()
        .optional()
        .describe(
          'ARN of the KMS key for KMS encryption. Default: the AWS managed aws/ecr key.',
        ),
      lifecycleRules: z
        .array(lifecycleRule)
        .optional()
        .describe(
          'Lifecycle rules replacing the standard ones. Default: the standard rules (expire untagged images after 14 days, keep 500 images).',
        ),
      untaggedExpiryDays: z
        .number()
        .optional()
        .describe(
          `Days after which the standard rules expire untagged images. Default: ${DEFAULT_UNTAGGED_EXPIRY_DAYS}.`,
        ),
      maxImageCount: z
        .number()
        .optional()
        .describe(
          `Images the standard rules keep. Default: ${DEFAULT_MAX_IMAGE_COUNT}.`,
        ),
      skipLifecyclePolicy: z
        .boolean()
        .optional()
        .describe('Create no lifecycle policy. Default: false.'),
      entityRef: z
        .string()
        .optional()
        .describe(
          `Catalog entity owning the repository, e.g. "component:default/payments"; stored in the ${ENTITY_REF_TAG} tag. Default: none.`,
        ),
      tags: z
        .record(z.string())
        .optional()
        .describe(
          'Extra repository tags, e.g. {"team": "payments"}. The standard tags win on conflict. Default: none.',
        ),
      pullAccounts: accountList('pull images'),
      pushAccounts: accountList('push and pull images'),
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
