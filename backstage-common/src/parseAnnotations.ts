import { ECR_ARN_ANNOTATION, ECR_TAGS_ANNOTATION } from './annotations';
import {
  InvalidRepositoryArnError,
  parseRepositoryArn,
  type RepositoryArn,
} from './repositoryArn';

/**
 * A tag filter from {@link ECR_TAGS_ANNOTATION}.
 *
 * @public
 */
export interface RepositoryTagFilter {
  readonly key: string;
  readonly value: string;
}

/**
 * Thrown for a malformed ECR annotation; the message names the annotation and the fix.
 *
 * @public
 */
export class InvalidEcrAnnotationError extends Error {
  constructor(
    readonly annotation: string,
    detail: string,
  ) {
    super(`Invalid ${annotation} annotation: ${detail}`);
    this.name = 'InvalidEcrAnnotationError';
  }
}

/**
 * Parses the comma-separated ARN annotation; duplicates are dropped, order kept.
 *
 * @public
 */
export function parseEcrArnAnnotation(value: string): RepositoryArn[] {
  const seen = new Set<string>();
  const result: RepositoryArn[] = [];
  for (const item of value.split(',')) {
    if (!item.trim()) continue;
    let arn: RepositoryArn;
    try {
      arn = parseRepositoryArn(item);
    } catch (error) {
      if (error instanceof InvalidRepositoryArnError) {
        throw new InvalidEcrAnnotationError(ECR_ARN_ANNOTATION, error.message);
      }
      throw error;
    }
    if (!seen.has(arn.arn)) {
      seen.add(arn.arn);
      result.push(arn);
    }
  }
  if (result.length === 0) {
    throw new InvalidEcrAnnotationError(
      ECR_ARN_ANNOTATION,
      'no repository ARN given; list one or more ARNs separated by commas',
    );
  }
  return result;
}

/**
 * Parses `key=value[,key=value]`; a key may appear once.
 *
 * @public
 */
export function parseEcrTagsAnnotation(value: string): RepositoryTagFilter[] {
  const filters: RepositoryTagFilter[] = [];
  for (const item of value.split(',')) {
    if (!item.trim()) continue;
    const separator = item.indexOf('=');
    const key = separator < 0 ? '' : item.slice(0, separator).trim();
    const tagValue = separator < 0 ? '' : item.slice(separator + 1).trim();
    if (!key) {
      throw new InvalidEcrAnnotationError(
        ECR_TAGS_ANNOTATION,
        `"${item.trim()}" is not key=value; write e.g. "service=payments"`,
      );
    }
    if (filters.some(f => f.key === key)) {
      throw new InvalidEcrAnnotationError(
        ECR_TAGS_ANNOTATION,
        `tag key "${key}" appears twice; give each key once`,
      );
    }
    filters.push({ key, value: tagValue });
  }
  if (filters.length === 0) {
    throw new InvalidEcrAnnotationError(
      ECR_TAGS_ANNOTATION,
      'no tag given; write key=value pairs separated by commas',
    );
  }
  return filters;
}
