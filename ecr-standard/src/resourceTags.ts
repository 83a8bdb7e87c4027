import type { StandardViolation } from './EcrStandardError';

// AWS tag restrictions as the ECR User Guide states them for repositories ("Tagging your
// Amazon ECR resources" → tag restrictions): at most 50 tags per resource; keys 1–128 and
// values 0–256 Unicode characters of letters, digits, spaces and `_ . : / = + - @`; the
// `aws:` prefix is reserved.

/**
 * Most tags a repository can carry, the standard's own included.
 *
 * @public
 */
export const MAX_TAGS = 50;

/**
 * Longest tag key, in Unicode characters.
 *
 * @public
 */
export const TAG_KEY_MAX_LENGTH = 128;

/**
 * Longest tag value, in Unicode characters.
 *
 * @public
 */
export const TAG_VALUE_MAX_LENGTH = 256;

/**
 * Characters AWS allows in tag keys and values.
 *
 * @public
 */
export const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * Prefix of the tag keys AWS keeps for itself (any case).
 *
 * @public
 */
export const RESERVED_TAG_KEY_PREFIX = 'aws:';

const ALLOWED = 'letters, digits, spaces or _ . : / = + - @';

/**
 * Every violation of AWS's tag restrictions by the tags a repository would get (the
 * caller's and the standard's together), each naming `field.<key>`.
 *
 * @public
 */
export function validateTags(
  tags: Readonly<Record<string, string>>,
  field = 'tags',
): StandardViolation[] {
  const violations: StandardViolation[] = [];
  for (const [key, value] of Object.entries(tags)) {
    const keyLength = [...key].length;
    if (
      keyLength < 1 ||
      keyLength > TAG_KEY_MAX_LENGTH ||
      !TAG_CHARACTERS.test(key) ||
      key.toLowerCase().startsWith(RESERVED_TAG_KEY_PREFIX)
    ) {
      violations.push({
        field: `${field}.${key}`,
        message: `"${key}" is not a valid tag key`,
        fix: `use 1 to ${TAG_KEY_MAX_LENGTH} ${ALLOWED}, not starting with "${RESERVED_TAG_KEY_PREFIX}"`,
      });
    }
    if (
      typeof value !== 'string' ||
      [...value].length > TAG_VALUE_MAX_LENGTH ||
      !TAG_CHARACTERS.test(value)
    ) {
      violations.push({
        field: `${field}.${key}`,
        message: `${JSON.stringify(value)} is not a valid tag value`,
        fix: `use up to ${TAG_VALUE_MAX_LENGTH} ${ALLOWED}`,
      });
    }
  }
  const count = Object.keys(tags).length;
  if (count > MAX_TAGS) {
    violations.push({
      field,
      message: `the repository would get ${count} tags`,
      fix: `use at most ${MAX_TAGS} tags, the standard's included`,
    });
  }
  return violations;
}
