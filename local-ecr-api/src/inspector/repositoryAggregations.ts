import type { FindingRecord } from '../model';
import type { Registry } from '../Registry';
import { containerImages } from './containerImages';
import { inspectorFindings } from './inspectorFindings';
import { inspectorSeverityCounts } from './inspectorSeverityCounts';
import { readSorting, sortAggregations } from './sortAggregations';
import { matchesStringFilters, readStringFilters } from './stringFilters';
import type { InspectorSeverityCounts } from './types';

const PATH = 'aggregationRequest.repositoryAggregation';

/** `RepositoryAggregationResponse` (the multi-cloud members are not set for AWS). */
export interface RepositoryAggregationResponse {
  readonly repository: string;
  readonly accountId: string;
  readonly severityCounts: InspectorSeverityCounts;
  /** Images of the repository with at least one active finding. */
  readonly affectedImages: number;
}

/** One row per repository with active findings, as `RepositoryAggregation` asks. */
export function repositoryAggregations(
  registry: Registry,
  aggregation: Record<string, unknown>,
): { repositoryAggregation: RepositoryAggregationResponse }[] {
  const repositories = readStringFilters(
    aggregation.repositories,
    `${PATH}.repositories`,
    ['EQUALS', 'PREFIX', 'NOT_EQUALS'],
  );
  const { sortBy, sortOrder } = readSorting(aggregation, PATH, [
    'CRITICAL',
    'HIGH',
    'ALL',
    'AFFECTED_IMAGES',
  ] as const);

  const byRepository = new Map<
    string,
    { findings: FindingRecord[]; affected: number }
  >();
  for (const entry of containerImages(registry)) {
    const findings = inspectorFindings(entry);
    const name = entry.repository.repositoryName;
    if (findings.length === 0 || !matchesStringFilters(repositories, [name])) {
      continue;
    }
    const group = byRepository.get(name) ?? { findings: [], affected: 0 };
    group.findings.push(...findings);
    group.affected += 1;
    byRepository.set(name, group);
  }
  const rows: RepositoryAggregationResponse[] = [...byRepository].map(
    ([repository, group]) => ({
      repository,
      accountId: registry.accountId,
      severityCounts: inspectorSeverityCounts(group.findings),
      affectedImages: group.affected,
    }),
  );
  const sorted = sortAggregations(
    rows,
    row => {
      const { all, critical, high, medium } = row.severityCounts;
      const severities = [critical, high, medium, all];
      const counts =
        sortBy === 'CRITICAL'
          ? severities
          : sortBy === 'HIGH'
            ? [high, critical, medium, all]
            : sortBy === 'ALL'
              ? [all, critical, high, medium]
              : [row.affectedImages, ...severities];
      return { counts, name: row.repository };
    },
    sortOrder,
  );
  return sorted.map(row => ({ repositoryAggregation: row }));
}
