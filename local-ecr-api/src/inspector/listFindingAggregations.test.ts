import { EcrApiError } from '../EcrApiError';
import { checkShape } from '../model/checkShape';
import { INSPECTOR2_MODEL } from '../model/serviceModels';
import { listCoverage } from './listCoverage';
import { listFindingAggregations } from './listFindingAggregations';
import {
  ACCOUNT_ID,
  bulkRegistry,
  digestOf,
  sampleRegistry,
} from '../__fixtures__/testRegistries';

interface ContainerRow {
  awsEcrContainerAggregation: {
    resourceId: string;
    imageSha: string;
    repository: string;
    architecture: string;
    imageTags: string[];
    accountId: string;
    severityCounts: {
      all: number;
      critical: number;
      high: number;
      medium: number;
    };
  };
}

interface AggregationResult {
  aggregationType: string;
  responses: ContainerRow[];
  nextToken?: string;
}

/** Calls the handler and checks the response against the model, as AWS would have to. */
function aggregate(
  request: Record<string, unknown>,
  registry = sampleRegistry(),
): AggregationResult {
  const response = listFindingAggregations(registry, request);
  expect(
    checkShape(
      INSPECTOR2_MODEL,
      'ListFindingAggregationsResponse',
      response,
      'output',
    ),
  ).toEqual([]);
  return response as AggregationResult;
}

function containers(
  aggregation: Record<string, unknown> = {},
  registry = sampleRegistry(),
) {
  return aggregate(
    {
      aggregationType: 'AWS_ECR_CONTAINER',
      aggregationRequest: { awsEcrContainerAggregation: aggregation },
    },
    registry,
  );
}

/** Image labels of the rows, in order (the labels name the digests in testRegistries). */
function labels(result: AggregationResult): string[] {
  const names = [
    'app',
    'multi-amd64',
    'multi-arm64',
    'worker',
    'edge',
    'old',
    'edge-old',
  ];
  const byDigest = new Map(names.map(name => [digestOf(name), name]));
  return result.responses.map(
    r =>
      byDigest.get(r.awsEcrContainerAggregation.imageSha) ??
      r.awsEcrContainerAggregation.imageSha,
  );
}

function expectValidation(run: () => unknown, message: RegExp) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EcrApiError);
    expect((error as EcrApiError).type).toBe('ValidationException');
    expect((error as EcrApiError).status).toBe(400);
    expect((error as EcrApiError).message).toMatch(message);
    return;
  }
  throw new Error('expected a ValidationException');
}

const arn = (repository: string, label: string) =>
  `arn:aws:ecr:eu-west-1:${ACCOUNT_ID}:repository/${repository}/${digestOf(label)}`;

describe('listFindingAggregations AWS_ECR_CONTAINER', () => {
  test('one row per scanned image with findings, counts consistent with the findings', () => {
    const result = containers();
    expect(result.aggregationType).toBe('AWS_ECR_CONTAINER');
    expect(result.nextToken).toBeUndefined();
    expect(result.responses).toEqual([
      {
        awsEcrContainerAggregation: {
          resourceId: arn('team/payments', 'app'),
          imageSha: digestOf('app'),
          repository: 'team/payments',
          architecture: 'amd64',
          imageTags: ['1.0.0', 'latest'],
          accountId: ACCOUNT_ID,
          // all counts LOW, INFORMATIONAL and UNTRIAGED too.
          severityCounts: { all: 7, critical: 2, high: 1, medium: 1 },
        },
      },
      {
        awsEcrContainerAggregation: {
          resourceId: arn('team/payments', 'multi-arm64'),
          imageSha: digestOf('multi-arm64'),
          repository: 'team/payments',
          architecture: 'arm64',
          imageTags: [],
          accountId: ACCOUNT_ID,
          severityCounts: { all: 2, critical: 1, high: 0, medium: 0 },
        },
      },
      {
        awsEcrContainerAggregation: {
          resourceId: arn('team/payments', 'multi-amd64'),
          imageSha: digestOf('multi-amd64'),
          repository: 'team/payments',
          architecture: 'amd64',
          imageTags: [],
          accountId: ACCOUNT_ID,
          severityCounts: { all: 2, critical: 0, high: 2, medium: 0 },
        },
      },
      {
        awsEcrContainerAggregation: {
          resourceId: arn('edge-proxy', 'edge'),
          imageSha: digestOf('edge'),
          repository: 'edge-proxy',
          architecture: 'amd64',
          imageTags: ['e1'],
          accountId: ACCOUNT_ID,
          severityCounts: { all: 1, critical: 0, high: 1, medium: 0 },
        },
      },
      {
        awsEcrContainerAggregation: {
          resourceId: arn('team/payments-worker', 'worker'),
          imageSha: digestOf('worker'),
          repository: 'team/payments-worker',
          architecture: 'amd64',
          imageTags: ['w1'],
          accountId: ACCOUNT_ID,
          severityCounts: { all: 3, critical: 0, high: 0, medium: 3 },
        },
      },
    ]);
  });

  test('no row for the index, the referrer, unscanned, clean, archived or unmonitored images', () => {
    const shas = containers().responses.map(
      r => r.awsEcrContainerAggregation.imageSha,
    );
    for (const label of [
      'multi',
      'app-sig',
      'dev',
      'clean',
      'edge-new',
      'edge-old',
      'edge-broken',
      'old',
    ]) {
      expect(shas).not.toContain(digestOf(label));
    }
  });

  test('the aggregationRequest may be left out (CRITICAL DESC)', () => {
    expect(labels(aggregate({ aggregationType: 'AWS_ECR_CONTAINER' }))).toEqual(
      labels(containers()),
    );
  });

  test.each([
    [{}, ['app', 'multi-arm64', 'multi-amd64', 'edge', 'worker']],
    [
      { sortBy: 'CRITICAL', sortOrder: 'DESC' },
      ['app', 'multi-arm64', 'multi-amd64', 'edge', 'worker'],
    ],
    [
      { sortBy: 'CRITICAL', sortOrder: 'ASC' },
      ['worker', 'edge', 'multi-amd64', 'multi-arm64', 'app'],
    ],
    [
      { sortBy: 'HIGH', sortOrder: 'DESC' },
      ['multi-amd64', 'app', 'edge', 'multi-arm64', 'worker'],
    ],
    [
      { sortBy: 'ALL', sortOrder: 'DESC' },
      ['app', 'worker', 'multi-arm64', 'multi-amd64', 'edge'],
    ],
  ])('sorting %j', (aggregation, expected) => {
    expect(labels(containers(aggregation))).toEqual(expected);
  });

  test.each([
    [
      'repository EQUALS',
      { repositories: [{ comparison: 'EQUALS', value: 'team/payments' }] },
      ['app', 'multi-arm64', 'multi-amd64'],
    ],
    [
      'repository PREFIX',
      { repositories: [{ comparison: 'PREFIX', value: 'team/payments' }] },
      ['app', 'multi-arm64', 'multi-amd64', 'worker'],
    ],
    [
      'repository NOT_EQUALS',
      { repositories: [{ comparison: 'NOT_EQUALS', value: 'team/payments' }] },
      ['edge', 'worker'],
    ],
    [
      'two EQUALS are joined by OR',
      {
        repositories: [
          { comparison: 'EQUALS', value: 'team/payments-worker' },
          { comparison: 'EQUALS', value: 'edge-proxy' },
        ],
      },
      ['edge', 'worker'],
    ],
    [
      'PREFIX and NOT_EQUALS must both hold',
      {
        repositories: [
          { comparison: 'PREFIX', value: 'team/' },
          { comparison: 'NOT_EQUALS', value: 'team/payments' },
        ],
      },
      ['worker'],
    ],
    [
      'two NOT_EQUALS are joined by AND',
      {
        repositories: [
          { comparison: 'NOT_EQUALS', value: 'team/payments' },
          { comparison: 'NOT_EQUALS', value: 'edge-proxy' },
        ],
      },
      ['worker'],
    ],
    [
      'architecture',
      { architectures: [{ comparison: 'EQUALS', value: 'arm64' }] },
      ['multi-arm64'],
    ],
    [
      'image tag EQUALS matches any tag',
      { imageTags: [{ comparison: 'EQUALS', value: 'latest' }] },
      ['app'],
    ],
    [
      'image tag NOT_EQUALS keeps untagged images',
      { imageTags: [{ comparison: 'NOT_EQUALS', value: 'latest' }] },
      ['multi-arm64', 'multi-amd64', 'edge', 'worker'],
    ],
    [
      'image sha',
      { imageShas: [{ comparison: 'EQUALS', value: digestOf('multi-amd64') }] },
      ['multi-amd64'],
    ],
    [
      'resource id PREFIX',
      {
        resourceIds: [
          {
            comparison: 'PREFIX',
            value: `arn:aws:ecr:eu-west-1:${ACCOUNT_ID}:repository/edge-proxy/`,
          },
        ],
      },
      ['edge'],
    ],
    [
      'last in use (no image is in use here)',
      { lastInUseAt: [{ startInclusive: 0 }] },
      [],
    ],
  ])('filter: %s', (_name, aggregation, expected) => {
    expect(labels(containers(aggregation))).toEqual(expected);
  });

  test.each([
    [[{ comparison: 'EQUALS', value: ACCOUNT_ID }], 5],
    [[{ comparison: 'EQUALS', value: '999988887777' }], 0],
    [[{ comparison: 'NOT_EQUALS', value: ACCOUNT_ID }], 0],
  ])('accountIds %j', (accountIds, count) => {
    const result = aggregate({
      aggregationType: 'AWS_ECR_CONTAINER',
      accountIds,
    });
    expect(result.responses).toHaveLength(count);
  });

  test('a registry on basic scanning has no Inspector findings', () => {
    const result = containers({}, sampleRegistry('BASIC'));
    expect(result).toEqual({
      aggregationType: 'AWS_ECR_CONTAINER',
      responses: [],
    });
  });

  test.each([
    ['eu-west-1', 'arn:aws:ecr:eu-west-1:'],
    ['cn-north-1', 'arn:aws-cn:ecr:cn-north-1:'],
    ['us-gov-west-1', 'arn:aws-us-gov:ecr:us-gov-west-1:'],
  ])('resource ids in %s use its partition', (region, prefix) => {
    const rows = containers({}, sampleRegistry('ENHANCED', region)).responses;
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.awsEcrContainerAggregation.resourceId.startsWith(prefix)).toBe(
        true,
      );
    }
  });
});

describe('listFindingAggregations paging', () => {
  const registry = bulkRegistry(250);
  const request = {
    aggregationType: 'AWS_ECR_CONTAINER',
    maxResults: 100,
    aggregationRequest: { awsEcrContainerAggregation: { sortBy: 'CRITICAL' } },
  };

  function allPages() {
    const pages: AggregationResult[] = [];
    let nextToken: string | undefined;
    do {
      const page = aggregate({ ...request, nextToken }, registry);
      pages.push(page);
      nextToken = page.nextToken;
    } while (nextToken && pages.length < 10);
    return pages;
  }

  test('250 images come in three calls of 100, 100 and 50, in one stable order', () => {
    const pages = allPages();
    expect(pages.map(p => p.responses.length)).toEqual([100, 100, 50]);
    expect(pages.map(p => p.nextToken === undefined)).toEqual([
      false,
      false,
      true,
    ]);
    const ids = pages.flatMap(p =>
      p.responses.map(r => r.awsEcrContainerAggregation.resourceId),
    );
    expect(new Set(ids).size).toBe(250);
    // Equal counts fall back to the resource id, so the order does not depend on paging.
    expect(ids).toEqual([...ids].sort());
  });

  test('the token is opaque: no offset or filter in plain sight', () => {
    const [first] = allPages();
    expect(first.nextToken).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(first.nextToken).not.toContain('100');
    expect(first.nextToken).not.toContain('CRITICAL');
  });

  test('without maxResults a page holds the model maximum, 100', () => {
    const page = aggregate({ aggregationType: 'AWS_ECR_CONTAINER' }, registry);
    expect(page.responses).toHaveLength(100);
    expect(page.nextToken).toBeDefined();
  });

  test('the page size may change between pages', () => {
    const [first] = allPages();
    const next = aggregate(
      { ...request, maxResults: 30, nextToken: first.nextToken },
      registry,
    );
    expect(next.responses).toHaveLength(30);
  });

  const forged = (payload: unknown) =>
    Buffer.from(JSON.stringify(payload)).toString('base64url');

  test.each([
    ['garbage', () => 'not-a-token'],
    ['a token made up by the caller', () => forged({ i: 100, m: 'x' })],
    [
      'a real token with its offset changed',
      (token: string) => {
        const parsed = JSON.parse(Buffer.from(token, 'base64url').toString());
        return forged({ ...parsed, i: 150 });
      },
    ],
  ])('%s is refused', (_name, makeToken) => {
    const [first] = allPages();
    expectValidation(
      () =>
        listFindingAggregations(registry, {
          ...request,
          nextToken: makeToken(first.nextToken!),
        }),
      /nextToken/,
    );
  });

  test('a token is bound to the request that issued it', () => {
    const [first] = allPages();
    expectValidation(
      () =>
        listFindingAggregations(registry, {
          ...request,
          aggregationRequest: {
            awsEcrContainerAggregation: { sortBy: 'HIGH' },
          },
          nextToken: first.nextToken,
        }),
      /nextToken/,
    );
    expectValidation(
      () => listCoverage(registry, { nextToken: first.nextToken }),
      /nextToken/,
    );
    const other = bulkRegistry(250);
    Object.assign(other, { accountId: '999988887777' });
    expectValidation(
      () =>
        listFindingAggregations(other, {
          ...request,
          nextToken: first.nextToken,
        }),
      /nextToken/,
    );
  });
});

describe('listFindingAggregations REPOSITORY', () => {
  test('per-repository counts over the same images', () => {
    const response = aggregate({ aggregationType: 'REPOSITORY' });
    expect(response.responses).toEqual([
      {
        repositoryAggregation: {
          repository: 'team/payments',
          accountId: ACCOUNT_ID,
          severityCounts: { all: 11, critical: 3, high: 3, medium: 1 },
          affectedImages: 3,
        },
      },
      {
        repositoryAggregation: {
          repository: 'edge-proxy',
          accountId: ACCOUNT_ID,
          severityCounts: { all: 1, critical: 0, high: 1, medium: 0 },
          affectedImages: 1,
        },
      },
      {
        repositoryAggregation: {
          repository: 'team/payments-worker',
          accountId: ACCOUNT_ID,
          severityCounts: { all: 3, critical: 0, high: 0, medium: 3 },
          affectedImages: 1,
        },
      },
    ]);
  });

  test.each([
    [
      { sortBy: 'ALL' },
      ['team/payments', 'team/payments-worker', 'edge-proxy'],
    ],
    [
      // Ties on affected images fall to CRITICAL, then HIGH, in the same order.
      { sortBy: 'AFFECTED_IMAGES', sortOrder: 'ASC' },
      ['team/payments-worker', 'edge-proxy', 'team/payments'],
    ],
    [
      { repositories: [{ comparison: 'PREFIX', value: 'team/' }] },
      ['team/payments', 'team/payments-worker'],
    ],
  ])('%j', (aggregation, expected) => {
    const response = aggregate({
      aggregationType: 'REPOSITORY',
      aggregationRequest: { repositoryAggregation: aggregation },
    }) as unknown as {
      responses: { repositoryAggregation: { repository: string } }[];
    };
    expect(
      response.responses.map(r => r.repositoryAggregation.repository),
    ).toEqual(expected);
  });
});

describe('listFindingAggregations validation', () => {
  const registry = sampleRegistry();

  test.each([
    [
      'no aggregationType',
      {},
      /Value null at 'aggregationType'.*must not be null/,
    ],
    [
      'an aggregationType outside the model',
      { aggregationType: 'IMAGE' },
      /'IMAGE' at 'aggregationType'.*enum value set/,
    ],
    [
      'an aggregationType the simulator does not compute',
      { aggregationType: 'PACKAGE' },
      /aggregationType PACKAGE is not supported.*AWS_ECR_CONTAINER, REPOSITORY/,
    ],
    [
      'an aggregationRequest member of another type',
      {
        aggregationType: 'AWS_ECR_CONTAINER',
        aggregationRequest: { repositoryAggregation: {} },
      },
      /repositoryAggregation does not match aggregationType AWS_ECR_CONTAINER.*awsEcrContainerAggregation/,
    ],
    [
      'two union members',
      {
        aggregationType: 'AWS_ECR_CONTAINER',
        aggregationRequest: {
          awsEcrContainerAggregation: {},
          repositoryAggregation: {},
        },
      },
      /exactly one member/,
    ],
    [
      'a sortBy of another aggregation',
      {
        aggregationType: 'AWS_ECR_CONTAINER',
        aggregationRequest: {
          awsEcrContainerAggregation: { sortBy: 'AFFECTED_IMAGES' },
        },
      },
      /sortBy.*\[CRITICAL, HIGH, ALL\]/,
    ],
    [
      'an unknown comparison',
      {
        aggregationType: 'AWS_ECR_CONTAINER',
        aggregationRequest: {
          awsEcrContainerAggregation: {
            repositories: [{ comparison: 'CONTAINS', value: 'x' }],
          },
        },
      },
      /repositories\.1\.member\.comparison.*\[EQUALS, PREFIX, NOT_EQUALS\]/,
    ],
    [
      'an empty filter list',
      {
        aggregationType: 'AWS_ECR_CONTAINER',
        aggregationRequest: { awsEcrContainerAggregation: { imageTags: [] } },
      },
      /imageTags.*length between 1 and 10/,
    ],
    [
      'maxResults 0',
      { aggregationType: 'AWS_ECR_CONTAINER', maxResults: 0 },
      /maxResults.*greater than or equal to 1/,
    ],
    [
      'maxResults 101',
      { aggregationType: 'AWS_ECR_CONTAINER', maxResults: 101 },
      /maxResults.*less than or equal to 100/,
    ],
  ])('%s → ValidationException', (_name, request, message) => {
    expectValidation(() => listFindingAggregations(registry, request), message);
  });

  test('the error carries the ValidationException reason', () => {
    try {
      listFindingAggregations(registry, { aggregationType: 'PACKAGE' });
    } catch (error) {
      expect(error).toMatchObject({
        fields: { reason: 'FIELD_VALIDATION_FAILED' },
      });
    }
    expect.assertions(1);
  });
});
