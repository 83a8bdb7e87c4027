import type { Registry } from '../Registry';
import { ecrContainerAggregations } from './ecrContainerAggregations';
import { InspectorValidationError } from './InspectorValidationError';
import { modelEnum, modelMax } from './modelBounds';
import { paginateInspector } from './paginateInspector';
import { readAggregationRequest } from './readAggregationRequest';
import { repositoryAggregations } from './repositoryAggregations';
import { matchesStringFilters, readStringFilters } from './stringFilters';

/** `ListFindingAggregationsMaxResults` is 1..100 in the model. */
const MAX_RESULTS = modelMax('ListFindingAggregationsMaxResults');

/** The aggregation types the simulator computes, and the union member each one reads. */
const SUPPORTED = {
  AWS_ECR_CONTAINER: {
    member: 'awsEcrContainerAggregation',
    build: ecrContainerAggregations,
  },
  REPOSITORY: {
    member: 'repositoryAggregation',
    build: repositoryAggregations,
  },
} as const;

type SupportedType = keyof typeof SUPPORTED;

function readAggregationType(value: unknown): SupportedType {
  if (value === undefined || value === null) {
    throw InspectorValidationError.field(
      'aggregationType',
      value,
      'must not be null',
    );
  }
  const values = modelEnum('AggregationType');
  if (!values.includes(value as string)) {
    throw InspectorValidationError.field(
      'aggregationType',
      value,
      `must satisfy enum value set: [${values.join(', ')}]`,
    );
  }
  if (!Object.hasOwn(SUPPORTED, value as string)) {
    throw new InspectorValidationError(
      `aggregationType ${String(value)} is not supported by the local Inspector API; supported: ${Object.keys(SUPPORTED).join(', ')}.`,
    );
  }
  return value as SupportedType;
}

/**
 * Inspector's ListFindingAggregations over the caller's registry (one account, one Region).
 * Only enhanced scanning is Inspector: a registry on basic scanning has nothing to aggregate.
 * Pages hold `maxResults` rows (the model's maximum when unset) after sorting the whole set.
 */
export function listFindingAggregations(
  registry: Registry,
  request: Record<string, unknown>,
): unknown {
  const aggregationType = readAggregationType(request.aggregationType);
  const { member, build } = SUPPORTED[aggregationType];
  const aggregation = readAggregationRequest(
    request.aggregationRequest,
    aggregationType,
    member,
  );
  const accountIds = readStringFilters(request.accountIds, 'accountIds', [
    'EQUALS',
    'PREFIX',
    'NOT_EQUALS',
  ]);
  // Build (and so validate) the rows before deciding they do not apply.
  const rows: unknown[] = build(registry, aggregation);
  const applies =
    registry.settings.scanType === 'ENHANCED' &&
    matchesStringFilters(accountIds, [registry.accountId]);
  const page = paginateInspector(applies ? rows : [], registry, request, {
    operation: 'ListFindingAggregations',
    max: MAX_RESULTS,
    fallback: MAX_RESULTS,
  });
  return {
    aggregationType,
    responses: page.items,
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}
