import { InspectorValidationError } from './InspectorValidationError';
import type { StringComparison, StringFilter } from './types';

/** `StringFilterList` / `CoverageStringFilterList`: 1 to 10 filters. */
const MAX_FILTERS = 10;
/** `StringInput` / `CoverageStringInput`: 1 to 1024 characters. */
const MAX_VALUE_LENGTH = 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The filters at `path`, checked again here although the server validates the shape first:
 * the allowed comparisons differ by list (coverage filters have no `PREFIX`), and a handler
 * called directly must not trust its input.
 */
export function readStringFilters(
  value: unknown,
  path: string,
  comparisons: readonly StringComparison[],
): StringFilter[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    throw InspectorValidationError.field(path, value, 'must be of type list');
  }
  if (value.length < 1 || value.length > MAX_FILTERS) {
    throw InspectorValidationError.field(
      path,
      value,
      `must have length between 1 and ${MAX_FILTERS}`,
    );
  }
  return value.map((filter: unknown, index) => {
    const at = `${path}.${index + 1}.member`;
    if (!isRecord(filter)) {
      throw InspectorValidationError.field(
        at,
        filter,
        'must be of type structure',
      );
    }
    const { comparison, value: text } = filter;
    if (!comparisons.includes(comparison as StringComparison)) {
      throw InspectorValidationError.field(
        `${at}.comparison`,
        comparison,
        `must satisfy enum value set: [${comparisons.join(', ')}]`,
      );
    }
    if (
      typeof text !== 'string' ||
      text.length < 1 ||
      text.length > MAX_VALUE_LENGTH
    ) {
      throw InspectorValidationError.field(
        `${at}.value`,
        text,
        `must have length between 1 and ${MAX_VALUE_LENGTH}`,
      );
    }
    return { comparison: comparison as StringComparison, value: text };
  });
}

function matchesOne(filter: StringFilter, value: string): boolean {
  return filter.comparison === 'PREFIX'
    ? value.startsWith(filter.value)
    : value === filter.value;
}

/**
 * Whether an attribute with `values` (one for a scalar, any number for tags, none when the
 * resource lacks it) passes `filters`. Positive filters (`EQUALS`, `PREFIX`) are joined by OR,
 * `NOT_EQUALS` filters by AND, and both groups must hold: the rule Security Hub documents for
 * the same `StringFilter` shape; Inspector's reference does not spell it out.
 */
export function matchesStringFilters(
  filters: readonly StringFilter[] | undefined,
  values: readonly string[],
): boolean {
  if (!filters) return true;
  const positive = filters.filter(f => f.comparison !== 'NOT_EQUALS');
  const negative = filters.filter(f => f.comparison === 'NOT_EQUALS');
  const anyPositive =
    positive.length === 0 ||
    positive.some(f => values.some(value => matchesOne(f, value)));
  const noNegative = negative.every(f => !values.includes(f.value));
  return anyPositive && noNegative;
}
