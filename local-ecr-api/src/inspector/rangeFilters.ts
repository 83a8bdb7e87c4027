import { InspectorValidationError } from './InspectorValidationError';
import type { DateFilter, NumberFilter } from './types';

const MAX_FILTERS = 10;

/** A `DateFilterList` / `NumberFilterList` (1 to 10 ranges) at `path`, or `undefined`. */
export function readRangeFilters<T extends DateFilter | NumberFilter>(
  value: unknown,
  path: string,
  bounds: readonly (keyof T & string)[],
): T[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_FILTERS) {
    throw InspectorValidationError.field(
      path,
      value,
      `must have length between 1 and ${MAX_FILTERS}`,
    );
  }
  return value.map((range: unknown, index) => {
    const at = `${path}.${index + 1}.member`;
    if (typeof range !== 'object' || range === null || Array.isArray(range)) {
      throw InspectorValidationError.field(
        at,
        range,
        'must be of type structure',
      );
    }
    const record = range as Record<string, unknown>;
    for (const bound of bounds) {
      if (record[bound] !== undefined && typeof record[bound] !== 'number') {
        throw InspectorValidationError.field(
          `${at}.${bound}`,
          record[bound],
          'must be of type number',
        );
      }
    }
    return record as T;
  });
}

/** Whether `value` falls in any of the ranges from bound `low` to bound `high`. */
function matchesRanges<K extends string>(
  filters: readonly Partial<Record<K, number>>[] | undefined,
  value: number | undefined,
  low: K,
  high: K,
): boolean {
  if (!filters) return true;
  if (value === undefined) return false;
  return filters.some(
    f =>
      (f[low] === undefined || value >= f[low]) &&
      (f[high] === undefined || value <= f[high]),
  );
}

/** Whether `value` falls in any of the date ranges; a resource without the date never does. */
export function matchesDateFilters(
  filters: readonly DateFilter[] | undefined,
  value: number | undefined,
): boolean {
  return matchesRanges(filters, value, 'startInclusive', 'endInclusive');
}

/** Whether `value` falls in any of the number ranges; a missing value never does. */
export function matchesNumberFilters(
  filters: readonly NumberFilter[] | undefined,
  value: number | undefined,
): boolean {
  return matchesRanges(filters, value, 'lowerInclusive', 'upperInclusive');
}
