import {
  ListCoverageCommand,
  ListFindingAggregationsCommand,
  paginateListFindingAggregations,
  type AwsEcrContainerAggregationResponse,
} from '@aws-sdk/client-inspector2';
import { startLocalEcrApi, type LocalEcrApi } from './index';
import { expectAwsError, inspectorClient } from './__testUtils__/clients';

const ENHANCED = '222222222222';
const BASIC = '111111111111';
let api: LocalEcrApi;

beforeAll(async () => {
  api = await startLocalEcrApi({
    seed: 7,
    now: () => 1_767_225_600,
    accounts: { AKIAENHANCED: ENHANCED, AKIABASIC: BASIC },
    fixture: {
      registries: [
        {
          accountId: ENHANCED,
          region: 'eu-west-1',
          scanType: 'ENHANCED',
          scanningRules: [{ scanFrequency: 'CONTINUOUS_SCAN', filters: ['*'] }],
          repositories: [
            { name: 'team/big', generate: { count: 1_000, seed: 7 } },
            { name: 'team/other', generate: { count: 50, seed: 8 } },
          ],
        },
        {
          accountId: BASIC,
          region: 'eu-west-1',
          repositories: [
            { name: 'team/basic', generate: { count: 20, seed: 9 } },
          ],
        },
      ],
    },
  });
});
afterAll(() => api.stop());

/** Severity counts of every scanned image of `team/big`, from the seed itself. */
function expectedCounts() {
  const repository = api.store
    .get(ENHANCED, 'eu-west-1')
    .repositories.get('team/big')!;
  const counts = new Map<
    string,
    { critical: number; high: number; all: number }
  >();
  for (const image of repository.images.values()) {
    const scan = image.scan;
    if (
      !scan ||
      image.imageStatus !== 'ACTIVE' ||
      (scan.status !== 'COMPLETE' && scan.status !== 'ACTIVE')
    )
      continue;
    if (scan.findings.length === 0) continue;
    counts.set(image.imageDigest, {
      critical: scan.findings.filter(f => f.severity === 'CRITICAL').length,
      high: scan.findings.filter(f => f.severity === 'HIGH').length,
      all: scan.findings.length,
    });
  }
  return counts;
}

describe('Amazon Inspector for enhanced scanning, through @aws-sdk/client-inspector2', () => {
  it("gives every image's severity counts of a repository in ceil(N / 100) calls", async () => {
    api.resetRequestCounts();
    const rows: AwsEcrContainerAggregationResponse[] = [];
    for await (const page of paginateListFindingAggregations(
      { client: inspectorClient(api, 'AKIAENHANCED'), pageSize: 100 },
      {
        aggregationType: 'AWS_ECR_CONTAINER',
        aggregationRequest: {
          awsEcrContainerAggregation: {
            repositories: [{ comparison: 'EQUALS', value: 'team/big' }],
          },
        },
      },
    )) {
      rows.push(
        ...(page.responses ?? []).map(r => r.awsEcrContainerAggregation!),
      );
    }
    const expected = expectedCounts();
    expect(rows).toHaveLength(expected.size);
    expect(api.requestCount('ListFindingAggregations')).toBe(
      Math.ceil(expected.size / 100),
    );
    for (const row of rows) {
      expect(row.repository).toBe('team/big');
      expect(row.resourceId).toBe(
        `arn:aws:ecr:eu-west-1:${ENHANCED}:repository/team/big/${row.imageSha}`,
      );
      expect({
        critical: row.severityCounts?.critical,
        high: row.severityCounts?.high,
        all: row.severityCounts?.all,
      }).toEqual(expected.get(row.imageSha!));
    }
  });

  it('has no findings for a basic-scanning registry', async () => {
    const result = await inspectorClient(api, 'AKIABASIC').send(
      new ListFindingAggregationsCommand({
        aggregationType: 'AWS_ECR_CONTAINER',
      }),
    );
    expect(result.responses).toEqual([]);
  });

  it('lists coverage of the repositories and images it scans', async () => {
    const result = await inspectorClient(api, 'AKIAENHANCED').send(
      new ListCoverageCommand({
        filterCriteria: {
          ecrRepositoryName: [{ comparison: 'EQUALS', value: 'team/other' }],
          resourceType: [{ comparison: 'EQUALS', value: 'AWS_ECR_REPOSITORY' }],
        },
      }),
    );
    expect(result.coveredResources).toEqual([
      expect.objectContaining({
        resourceType: 'AWS_ECR_REPOSITORY',
        accountId: ENHANCED,
        scanType: 'PACKAGE',
        scanStatus: { statusCode: 'ACTIVE', reason: 'SUCCESSFUL' },
        resourceMetadata: {
          ecrRepository: {
            name: 'team/other',
            scanFrequency: 'CONTINUOUS_SCAN',
          },
        },
      }),
    ]);
  });

  it('answers a bad request with a restJson ValidationException', async () => {
    await expectAwsError(
      inspectorClient(api, 'AKIAENHANCED').send(
        new ListFindingAggregationsCommand({
          aggregationType: 'AWS_ECR_CONTAINER',
          maxResults: 101,
        }),
      ),
      { type: 'ValidationException', status: 400, message: /maxResults/ },
    );
  });
});
