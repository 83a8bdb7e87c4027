import type { StandardViolation } from './EcrStandardError';

/**
 * Tag mutability values that Amazon ECR accepts.
 *
 * @public
 */
export type ImageTagMutability =
  'IMMUTABLE' | 'IMMUTABLE_WITH_EXCLUSION' | 'MUTABLE';

/**
 * An exclusion filter: tags matching it stay mutable in an `IMMUTABLE_WITH_EXCLUSION` repository.
 *
 * @public
 */
export interface TagMutabilityExclusionFilter {
  readonly filter: string;
  readonly filterType: 'WILDCARD';
}

/**
 * Characters ECR accepts in a tag mutability exclusion filter.
 *
 * @public
 */
export const TAG_EXCLUSION_FILTER_PATTERN = /^[0-9a-zA-Z._*-]{1,128}$/;
/**
 * ECR accepts 1 to 5 exclusion filters.
 *
 * @public
 */
export const MAX_TAG_EXCLUSION_FILTERS = 5;
/**
 * ECR accepts at most 2 `*` wildcards per exclusion filter.
 *
 * @public
 */
export const MAX_TAG_EXCLUSION_WILDCARDS = 2;

/**
 * The caller's choice of tag mutability.
 *
 * @public
 */
export interface TagMutabilityOptions {
  /** Default: `false` (tags are immutable). */
  readonly mutableTags?: boolean;
  /**
   * Wildcard filters of tags that stay mutable, e.g. `["latest", "dev-*"]`; turns
   * `IMMUTABLE` into `IMMUTABLE_WITH_EXCLUSION`. Default: none.
   */
  readonly mutableTagFilters?: readonly string[];
}

/**
 * Resolves the tag mutability settings of a repository or creation template.
 *
 * @public
 */
export function resolveTagMutability(
  options: TagMutabilityOptions,
  field = 'mutableTagFilters',
): {
  imageTagMutability: ImageTagMutability;
  exclusionFilters: TagMutabilityExclusionFilter[];
  violations: StandardViolation[];
} {
  const filters = options.mutableTagFilters ?? [];
  const violations: StandardViolation[] = [];
  if (options.mutableTags && filters.length > 0) {
    violations.push({
      field,
      message: 'exclusion filters make no sense when every tag is mutable',
      fix: 'remove mutableTagFilters, or remove mutableTags to keep other tags immutable',
    });
  }
  if (options.mutableTagFilters !== undefined && filters.length === 0) {
    violations.push({
      field,
      message: 'an empty filter list was given',
      fix: `give 1 to ${MAX_TAG_EXCLUSION_FILTERS} filters or leave mutableTagFilters out`,
    });
  }
  if (filters.length > MAX_TAG_EXCLUSION_FILTERS) {
    violations.push({
      field,
      message: `${filters.length} filters given`,
      fix: `use at most ${MAX_TAG_EXCLUSION_FILTERS} filters (combine them with "*")`,
    });
  }
  filters.forEach((filter, i) => {
    if (
      typeof filter !== 'string' ||
      !TAG_EXCLUSION_FILTER_PATTERN.test(filter)
    ) {
      violations.push({
        field: `${field}[${i}]`,
        message: `${JSON.stringify(filter)} is not a valid exclusion filter`,
        fix: 'use 1 to 128 characters from [0-9a-zA-Z._*-]',
      });
    } else if (filter.split('*').length - 1 > MAX_TAG_EXCLUSION_WILDCARDS) {
      violations.push({
        field: `${field}[${i}]`,
        message: `"${filter}" has ${filter.split('*').length - 1} wildcards`,
        fix: `use at most ${MAX_TAG_EXCLUSION_WILDCARDS} "*" per filter`,
      });
    }
  });
  return {
    imageTagMutability: options.mutableTags
      ? 'MUTABLE'
      : filters.length > 0
        ? 'IMMUTABLE_WITH_EXCLUSION'
        : 'IMMUTABLE',
    exclusionFilters: filters.map(filter => ({
      filter,
      filterType: 'WILDCARD',
    })),
    violations,
  };
}
