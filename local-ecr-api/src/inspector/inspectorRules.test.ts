import type { ScanStatus } from '../model';
import { imageScanStatus } from './imageScanStatus';
import { INSPECTOR_OPERATIONS } from './index';
import { inspectorSeverityCounts } from './inspectorSeverityCounts';
import { repositoryScanFrequency } from './repositoryScanFrequency';
import { matchesStringFilters } from './stringFilters';
import {
  ACCOUNT_ID,
  findingsOf,
  imageOf,
  INSPECTOR_SEVERITIES,
  REGION,
  sampleRegistry,
} from '../__fixtures__/testRegistries';
import type { EcrScanFrequency, StringFilter } from './types';

describe('repositoryScanFrequency', () => {
  test.each([
    // A filter without * matches names that contain it; * spans zero or more characters.
    ['team/payments', 'CONTINUOUS_SCAN'],
    ['team/', 'CONTINUOUS_SCAN'],
    ['team', 'MANUAL'],
    ['team/payments-worker', 'CONTINUOUS_SCAN'], // both rules match: continuous wins
    ['edge-proxy', 'SCAN_ON_PUSH'],
    ['my-edge', 'SCAN_ON_PUSH'],
    ['legacy', 'MANUAL'],
  ])('%s → %s', (name, frequency) => {
    expect(repositoryScanFrequency(sampleRegistry(), name)).toBe(frequency);
  });
});

describe('matchesStringFilters', () => {
  const f = (comparison: StringFilter['comparison'], value: string) => ({
    comparison,
    value,
  });
  test.each([
    [undefined, ['a'], true],
    [[f('EQUALS', 'a')], ['a'], true],
    [[f('EQUALS', 'a')], [], false],
    [[f('EQUALS', 'a'), f('EQUALS', 'b')], ['b'], true],
    [[f('PREFIX', 'ab')], ['abc'], true],
    [[f('PREFIX', 'ab')], ['xabc'], false],
    [[f('NOT_EQUALS', 'a')], [], true],
    [[f('NOT_EQUALS', 'a')], ['b', 'a'], false],
    [[f('NOT_EQUALS', 'a'), f('NOT_EQUALS', 'b')], ['c'], true],
    [[f('PREFIX', 'a'), f('NOT_EQUALS', 'ab')], ['ab'], false],
    [[f('PREFIX', 'a'), f('NOT_EQUALS', 'ab')], ['ac'], true],
  ])('%j on %j → %s', (filters, values, expected) => {
    expect(matchesStringFilters(filters, values)).toBe(expected);
  });
});

describe('imageScanStatus', () => {
  const registry = sampleRegistry();
  const [repository] = registry.repositories.values();
  const entry = (
    scan: ScanStatus | undefined,
    scanFrequency: EcrScanFrequency = 'CONTINUOUS_SCAN',
  ) => ({
    repository,
    scanFrequency,
    architecture: 'amd64',
    resourceId: `arn:aws:ecr:${REGION}:${ACCOUNT_ID}:repository/x/sha256:0`,
    image: imageOf('x', {
      scan: scan && { status: scan, findings: [] },
    }),
  });
  test.each([
    [undefined, 'CONTINUOUS_SCAN', 'ACTIVE', 'PENDING_INITIAL_SCAN'],
    ['PENDING', 'CONTINUOUS_SCAN', 'ACTIVE', 'PENDING_INITIAL_SCAN'],
    ['IN_PROGRESS', 'SCAN_ON_PUSH', 'ACTIVE', 'SCAN_IN_PROGRESS'],
    ['ACTIVE', 'CONTINUOUS_SCAN', 'ACTIVE', 'SUCCESSFUL'],
    ['COMPLETE', 'CONTINUOUS_SCAN', 'ACTIVE', 'SUCCESSFUL'],
    ['COMPLETE', 'SCAN_ON_PUSH', 'INACTIVE', 'SCAN_FREQUENCY_SCAN_ON_PUSH'],
    ['COMPLETE', 'MANUAL', 'INACTIVE', 'SCAN_FREQUENCY_MANUAL'],
    ['UNSUPPORTED_IMAGE', 'CONTINUOUS_SCAN', 'INACTIVE', 'UNSUPPORTED_OS'],
    [
      'SCAN_ELIGIBILITY_EXPIRED',
      'CONTINUOUS_SCAN',
      'INACTIVE',
      'SCAN_ELIGIBILITY_EXPIRED',
    ],
    ['FAILED', 'CONTINUOUS_SCAN', 'INACTIVE', 'INTERNAL_ERROR'],
    ['FINDINGS_UNAVAILABLE', 'CONTINUOUS_SCAN', 'INACTIVE', 'INTERNAL_ERROR'],
  ] as const)(
    'ECR %s in a %s repository → %s %s',
    (scan, frequency, statusCode, reason) => {
      expect(imageScanStatus(entry(scan, frequency))).toEqual({
        statusCode,
        reason,
      });
    },
  );
});

test('SeverityCounts.all counts every severity', () => {
  expect(inspectorSeverityCounts(findingsOf(...INSPECTOR_SEVERITIES))).toEqual({
    all: 6,
    critical: 1,
    high: 1,
    medium: 1,
  });
});

test('INSPECTOR_OPERATIONS are bound as the Inspector2 model says', () => {
  expect(INSPECTOR_OPERATIONS.ListFindingAggregations).toMatchObject({
    method: 'POST',
    path: '/findings/aggregation/list',
  });
  expect(INSPECTOR_OPERATIONS.ListCoverage).toMatchObject({
    method: 'POST',
    path: '/coverage/list',
  });
  const response = INSPECTOR_OPERATIONS.ListCoverage.handler(sampleRegistry(), {
    maxResults: 1,
  });
  expect(response).toHaveProperty('nextToken');
});
