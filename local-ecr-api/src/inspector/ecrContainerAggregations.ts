import type { Registry } from '../Registry';
import { containerImages } from './containerImages';
import { inspectorFindings } from './inspectorFindings';
import { inspectorSeverityCounts } from './inspectorSeverityCounts';
import {
  matchesDateFilters,
  matchesNumberFilters,
  readRangeFilters,
} from './rangeFilters';
import { readSorting, sortAggregations } from './sortAggregations';
import { matchesStringFilters, readStringFilters } from './stringFilters';
import type {
  DateFilter,
  InspectorSeverityCounts,
  NumberFilter,
  StringComparison,
} from './types';

const COMPARISONS: readonly StringComparison[] = [
  'EQUALS',
  'PREFIX',
  'NOT_EQUALS',
];
const PATH = 'aggregationRequest.awsEcrContainerAggregation';

/** `AwsEcrContainerAggregationResponse`. */
export interface AwsEcrContainerAggregationResponse {
  readonly resourceId: string;
  readonly imageSha: string;
  readonly repository: string;
  readonly architecture: string;
  readonly imageTags: readonly string[];
  readonly accountId: string;
  readonly severityCounts: InspectorSeverityCounts;
}

/**
 * One row per container image with active findings, filtered and sorted as
 * `AwsEcrContainerAggregation` asks. An image whose scan found nothing has no row: the
 * aggregation is computed over findings, and there are none to group.
 */
export function ecrContainerAggregations(
  registry: Registry,
  aggregation: Record<string, unknown>,
): { awsEcrContainerAggregation: AwsEcrContainerAggregationResponse }[] {
  const strings = (member: string) =>
    readStringFilters(aggregation[member], `${PATH}.${member}`, COMPARISONS);
  const resourceIds = strings('resourceIds');
  const imageShas = strings('imageShas');
  const repositories = strings('repositories');
  const architectures = strings('architectures');
  const imageTags = strings('imageTags');
  const lastInUseAt = readRangeFilters<DateFilter>(
    aggregation.lastInUseAt,
    `${PATH}.lastInUseAt`,
    ['startInclusive', 'endInclusive'],
  );
  const inUseCount = readRangeFilters<NumberFilter>(
    aggregation.inUseCount,
    `${PATH}.inUseCount`,
    ['lowerInclusive', 'upperInclusive'],
  );
  const { sortBy, sortOrder } = readSorting(aggregation, PATH, [
    'CRITICAL',
    'HIGH',
    'ALL',
  ] as const);

  const rows: AwsEcrContainerAggregationResponse[] = [];
  for (const entry of containerImages(registry)) {
    const findings = inspectorFindings(entry);
    if (findings.length === 0) continue;
    const { image, repository } = entry;
    if (
      !matchesStringFilters(resourceIds, [entry.resourceId]) ||
      !matchesStringFilters(imageShas, [image.imageDigest]) ||
      !matchesStringFilters(repositories, [repository.repositoryName]) ||
      !matchesStringFilters(architectures, [entry.architecture]) ||
      !matchesStringFilters(imageTags, image.imageTags) ||
      // The simulator records no ECS/EKS use, so no image has a last-in-use date or count.
      !matchesDateFilters(lastInUseAt, undefined) ||
      !matchesNumberFilters(inUseCount, undefined)
    ) {
      continue;
    }
    rows.push({
      resourceId: entry.resourceId,
      imageSha: image.imageDigest,
      repository: repository.repositoryName,
      architecture: entry.architecture,
      imageTags: [...image.imageTags],
      accountId: registry.accountId,
      severityCounts: inspectorSeverityCounts(findings),
    });
  }
  const sorted = sortAggregations(
    rows,
    row => {
      const { all, critical, high, medium } = row.severityCounts;
      const counts =
        sortBy === 'CRITICAL'
          ? [critical, high, medium, all]
          : sortBy === 'HIGH'
            ? [high, critical, medium, all]
            : [all, critical, high, medium];
      return { counts, name: row.resourceId };
    },
    sortOrder,
  );
  return sorted.map(row => ({ awsEcrContainerAggregation: row }));
}
