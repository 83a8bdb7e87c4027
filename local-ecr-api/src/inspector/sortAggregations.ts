import { readEnum } from './readAggregationRequest';

/** Inspector2 `SortOrder`. */
export type SortOrder = 'ASC' | 'DESC';

/**
 * The aggregation's `sortBy`, one of `sortBys` (`CRITICAL` when absent), and its `sortOrder`
 * (`DESC` when absent), at `path`.
 */
export function readSorting<T extends string>(
  aggregation: Record<string, unknown>,
  path: string,
  sortBys: readonly ('CRITICAL' | T)[],
): { sortBy: 'CRITICAL' | T; sortOrder: SortOrder } {
  return {
    sortBy: readEnum(aggregation.sortBy, `${path}.sortBy`, sortBys, 'CRITICAL'),
    sortOrder: readEnum<SortOrder>(
      aggregation.sortOrder,
      `${path}.sortOrder`,
      ['ASC', 'DESC'],
      'DESC',
    ),
  };
}

/** Sort keys of one aggregation row: the counts in priority order, then its name. */
export interface SortKey {
  readonly counts: readonly number[];
  readonly name: string;
}

/**
 * Rows ordered by their counts (`sortOrder` applies to each count in turn, so ties on the
 * chosen count fall to the next one), then by name ascending so pages are stable.
 */
export function sortAggregations<T>(
  rows: readonly T[],
  keyOf: (row: T) => SortKey,
  order: SortOrder,
): T[] {
  const sign = order === 'ASC' ? 1 : -1;
  const keyed = rows.map(row => ({ row, key: keyOf(row) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.counts.length; i++) {
      const diff = a.key.counts[i] - b.key.counts[i];
      if (diff !== 0) return sign * diff;
    }
    return a.key.name < b.key.name ? -1 : a.key.name > b.key.name ? 1 : 0;
  });
  return keyed.map(k => k.row);
}
