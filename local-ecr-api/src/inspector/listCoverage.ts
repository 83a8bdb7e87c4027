import { INSPECTOR2_MODEL } from '../model/serviceModels';
import { memberShape } from '../model/ServiceModel';
import type { Registry } from '../Registry';
import { coveredResources, type EcrCoveredResource } from './coveredResources';
import { InspectorValidationError } from './InspectorValidationError';
import { modelEnum, modelMax } from './modelBounds';
import { paginateInspector } from './paginateInspector';
import {
  matchesDateFilters,
  matchesNumberFilters,
  readRangeFilters,
} from './rangeFilters';
import { matchesStringFilters, readStringFilters } from './stringFilters';
import type { DateFilter, NumberFilter, StringComparison } from './types';

/** `ListCoverageMaxResults` is 1..200 in the model. */
const MAX_RESULTS = modelMax('ListCoverageMaxResults');

/** `CoverageStringComparison`: EQUALS and NOT_EQUALS only (no PREFIX, unlike StringFilter). */
const COMPARISONS = modelEnum('CoverageStringComparison') as StringComparison[];

/** String criteria and the values an ECR resource offers for each. */
const STRING_CRITERIA: Record<string, (r: EcrCoveredResource) => string[]> = {
  accountId: r => [r.accountId],
  resourceId: r => [r.resourceId],
  resourceType: r => [r.resourceType],
  scanType: r => [r.scanType],
  scanStatusCode: r => [r.scanStatus.statusCode],
  scanStatusReason: r => [r.scanStatus.reason],
  ecrRepositoryName: r => [r.resourceMetadata.ecrRepository.name],
  ecrImageTags: r => [...(r.resourceMetadata.ecrImage?.tags ?? [])],
};

/** Date criteria and the date an ECR resource has, if any. */
const DATE_CRITERIA: Record<
  string,
  (r: EcrCoveredResource) => number | undefined
> = {
  lastScannedAt: r => r.lastScannedAt,
  imagePulledAt: r => r.resourceMetadata.ecrImage?.imagePulledAt,
  // The simulator records no ECS/EKS use.
  ecrImageLastInUseAt: () => undefined,
};

type Predicate = (resource: EcrCoveredResource) => boolean;

/**
 * One predicate per criterion in `filterCriteria`. Criteria about other resource types (EC2
 * tags, Lambda, code repositories, other clouds) ask for an attribute ECR resources lack:
 * their positive filters match nothing and NOT_EQUALS filters everything.
 */
function readCriteria(value: unknown): Predicate[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw InspectorValidationError.field(
      'filterCriteria',
      value,
      'must be of type structure',
    );
  }
  const members = INSPECTOR2_MODEL.shapes.CoverageFilterCriteria.members ?? {};
  const predicates: Predicate[] = [];
  for (const [name, criterion] of Object.entries(value)) {
    if (criterion === undefined || criterion === null || !members[name]) {
      continue; // AWS services ignore members their model does not define.
    }
    const path = `filterCriteria.${name}`;
    const shape = memberShape(members[name]);
    if (shape === 'CoverageStringFilterList') {
      const filters = readStringFilters(criterion, path, COMPARISONS);
      const valuesOf = STRING_CRITERIA[name] ?? (() => []);
      predicates.push(r => matchesStringFilters(filters, valuesOf(r)));
    } else if (shape === 'CoverageDateFilterList') {
      const filters = readRangeFilters<DateFilter>(criterion, path, [
        'startInclusive',
        'endInclusive',
      ]);
      const dateOf = DATE_CRITERIA[name] ?? (() => undefined);
      predicates.push(r => matchesDateFilters(filters, dateOf(r)));
    } else if (shape === 'CoverageNumberFilterList') {
      const filters = readRangeFilters<NumberFilter>(criterion, path, [
        'lowerInclusive',
        'upperInclusive',
      ]);
      predicates.push(() => matchesNumberFilters(filters, undefined));
    } else {
      // Map filters (instance and function tags) compare only EQUALS: never an ECR match.
      predicates.push(() => false);
    }
  }
  return predicates;
}

/**
 * Inspector's ListCoverage over the caller's registry: its ECR repositories and container
 * images with their Inspector scan status. A registry on basic scanning is not covered by
 * Inspector and lists nothing.
 */
export function listCoverage(
  registry: Registry,
  request: Record<string, unknown>,
): unknown {
  const predicates = readCriteria(request.filterCriteria);
  const resources =
    registry.settings.scanType === 'ENHANCED'
      ? coveredResources(registry).filter(r => predicates.every(p => p(r)))
      : [];
  const page = paginateInspector(resources, registry, request, {
    operation: 'ListCoverage',
    max: MAX_RESULTS,
    fallback: MAX_RESULTS,
  });
  return {
    coveredResources: page.items,
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}
