import { EcrApiError } from '../EcrApiError';
import type { Tag } from '../model';

/**
 * AWS tag restrictions as the ECR User Guide states them for repositories ("Tagging your
 * Amazon ECR resources" → tag restrictions, https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-using-tags.html):
 * at most 50 tags per resource; keys 1–128 and values 0–256 Unicode characters of letters,
 * digits, spaces and `+ - = . _ : / @`; keys unique; the `aws:` prefix is reserved. The API
 * model leaves `TagKey`/`TagValue` unconstrained, so these come from the guide.
 */
export const MAX_TAGS_PER_RESOURCE = 50;
const MAX_KEY_LENGTH = 128;
const MAX_VALUE_LENGTH = 256;
const ALLOWED = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

function invalidTag(detail: string): EcrApiError {
  return new EcrApiError(
    'InvalidTagParameterException',
    `An invalid tag was given: ${detail}. Tag keys can have up to ${MAX_KEY_LENGTH} characters and values up to ${MAX_VALUE_LENGTH}, of letters, digits, spaces and + - = . _ : / @; keys starting with "aws:" are reserved.`,
  );
}

/** Throws ECR's error for the first tag of `tags` (one request's tags) that AWS refuses. */
export function checkTags(tags: readonly Tag[]): void {
  const keys = new Set<string>();
  for (const [index, tag] of tags.entries()) {
    const where = `tags[${index}]`;
    const keyLength = [...tag.Key].length;
    if (keyLength < 1 || keyLength > MAX_KEY_LENGTH) {
      throw invalidTag(`${where}.Key has ${keyLength} characters`);
    }
    if ([...tag.Value].length > MAX_VALUE_LENGTH) {
      throw invalidTag(
        `${where}.Value has ${[...tag.Value].length} characters`,
      );
    }
    if (!ALLOWED.test(tag.Key) || !ALLOWED.test(tag.Value)) {
      throw invalidTag(`${where} contains a character that tags cannot hold`);
    }
    if (tag.Key.toLowerCase().startsWith('aws:')) {
      throw invalidTag(
        `${where}.Key "${tag.Key}" uses the reserved prefix aws:`,
      );
    }
    if (keys.has(tag.Key)) {
      throw invalidTag(`${where}.Key "${tag.Key}" is given twice`);
    }
    keys.add(tag.Key);
  }
}

/**
 * The tags a resource ends up with when `added` are applied over `existing`, or
 * TooManyTagsException when that is over the limit (nothing is written then).
 */
export function mergeTags(
  existing: readonly Tag[],
  added: readonly Tag[],
  resource: string,
): Tag[] {
  const merged = new Map(existing.map(tag => [tag.Key, tag]));
  for (const tag of added)
    merged.set(tag.Key, { Key: tag.Key, Value: tag.Value });
  if (merged.size > MAX_TAGS_PER_RESOURCE) {
    throw new EcrApiError(
      'TooManyTagsException',
      `The tags on ${resource} would number ${merged.size}; a repository can have at most ${MAX_TAGS_PER_RESOURCE} tags.`,
    );
  }
  return [...merged.values()];
}
