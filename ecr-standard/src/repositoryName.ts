import type { StandardViolation } from './EcrStandardError';

/**
 * Amazon ECR's repository naming rule, as the current ECR API model states it
 * (`RepositoryName` in botocore's ecr/2015-09-21 service model): path components of lowercase
 * letters and digits, separated inside by `.`, `_`, `__` or one or more `-`, joined by `/`;
 * 2 to 256 characters. (The older rule, still quoted in many docs, allowed one `-` only.)
 * local-ecr-api's tests check this pattern against the model's.
 *
 * @public
 */
export const REPOSITORY_NAME_PATTERN =
  /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;

/**
 * Returns the violations of ECR's naming rule by `name` (none when valid).
 *
 * @public
 */
export function validateRepositoryName(
  name: unknown,
  field = 'name',
): StandardViolation[] {
  if (typeof name !== 'string' || name.length === 0) {
    return [
      {
        field,
        message: 'a repository name is required',
        fix: 'give a name such as "team/service"',
      },
    ];
  }
  const violations: StandardViolation[] = [];
  if (name.length < 2 || name.length > 256) {
    violations.push({
      field,
      message: `"${name}" has ${name.length} characters`,
      fix: 'use 2 to 256 characters',
    });
  }
  if (!REPOSITORY_NAME_PATTERN.test(name)) {
    const suggestion = suggestRepositoryName(name);
    violations.push({
      field,
      message: `"${name}" is not a valid ECR repository name`,
      fix:
        'use lowercase letters and digits, separated by ".", "_", "__" or dashes, with "/" between path components' +
        (suggestion && suggestion !== name ? ` (e.g. "${suggestion}")` : ''),
    });
  }
  return violations;
}

/**
 * A best-effort valid name derived from free text, e.g. a service title.
 *
 * @public
 */
export function suggestRepositoryName(text: string): string {
  return text
    .toLowerCase()
    .split('/')
    .map(part =>
      part
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/[._-]{2,}/g, '-')
        .replace(/^[._-]+|[._-]+$/g, ''),
    )
    .filter(part => part.length > 0)
    .join('/');
}
