import { InputError } from '@backstage/errors';
import {
  ARTIFACT_KINDS,
  IMAGES_QUERY_DEFAULTS,
  IMAGE_DIGEST_PATTERN,
  IMAGE_SORT_FIELDS,
  MAX_REPOSITORY_ARN_LENGTH,
  MAX_TAG_SEARCH_LENGTH,
  SEVERITIES,
  SORT_ORDERS,
  TAG_STATUSES,
} from '@ecr-kit/backstage-plugin-ecr-common';
import { z } from 'zod';
import { bounded } from './bounded';

/** A query parameter given once, as a plain value (`page[]=2` and `page=1&page=2` are refused). */
const single = z.string({
  invalid_type_error: 'must be given once, as a plain value',
});

/** A whole number written in decimal digits only: `0x10`, `1e2`, ` 2` and `2.0` are refused. */
function integer(min: number, max: number, fallback: number) {
  return single
    .regex(
      /^[0-9]{1,7}$/,
      `must be a whole number from ${min} to ${max}, written in digits`,
    )
    .transform(Number)
    .refine(
      n => n >= min && n <= max,
      `must be a whole number from ${min} to ${max}`,
    )
    .default(String(fallback));
}

const repository = single
  .min(1, 'is required: the repository ARN')
  .max(MAX_REPOSITORY_ARN_LENGTH, 'is longer than any repository ARN');
const oneOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z.enum(values as [T, ...T[]], {
    errorMap: () => ({ message: `must be one of ${values.join(', ')}` }),
  });
const severity = oneOf(SEVERITIES);

/** `GET …/repositories` takes no query. */
export const repositoriesQuery = z.object({}).strict();

export const imagesQuery = z
  .object({
    repository,
    page: integer(1, 100_000, IMAGES_QUERY_DEFAULTS.page),
    pageSize: integer(1, 100, IMAGES_QUERY_DEFAULTS.pageSize),
    sort: oneOf(IMAGE_SORT_FIELDS).default(IMAGES_QUERY_DEFAULTS.sort),
    order: oneOf(SORT_ORDERS).default(IMAGES_QUERY_DEFAULTS.order),
    tag: single
      .max(
        MAX_TAG_SEARCH_LENGTH,
        `must have at most ${MAX_TAG_SEARCH_LENGTH} characters`,
      )
      .optional(),
    tagStatus: oneOf(TAG_STATUSES).default(IMAGES_QUERY_DEFAULTS.tagStatus),
    minSeverity: severity.optional(),
    kind: oneOf(ARTIFACT_KINDS).optional(),
  })
  .strict();

/** An image digest as the routes and actions accept it, and the rule in words. */
export const IMAGE_DIGEST = {
  pattern: IMAGE_DIGEST_PATTERN,
  rule: 'must be sha256: followed by 64 hex digits',
} as const;

export const findingsQuery = z
  .object({
    repository,
    digest: single.regex(IMAGE_DIGEST.pattern, IMAGE_DIGEST.rule),
    minSeverity: severity.optional(),
    fixable: oneOf(['true', 'false']).optional(),
  })
  .strict();

/** Parses a route's query, or throws an InputError naming the parameter and the rule. */
export function parseQuery<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    throw new InputError(
      `Unknown query parameter ${issue.keys.map(k => `"${bounded(k, 40)}"`).join(', ')}`,
    );
  }
  const parameter = issue.path.join('.') || 'query';
  throw new InputError(`Invalid ${parameter}: ${bounded(issue.message, 200)}`);
}
