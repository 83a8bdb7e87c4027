import { EcrApiError } from '../EcrApiError';
import { checkShape } from '../model/checkShape';
import { INSPECTOR2_MODEL } from '../model/serviceModels';
import { listCoverage } from './listCoverage';
import {
  ACCOUNT_ID,
  bulkRegistry,
  digestOf,
  sampleRegistry,
} from '../__fixtures__/testRegistries';

interface Covered {
  resourceType: string;
  resourceId: string;
  accountId: string;
  scanType: string;
  scanStatus: { statusCode: string; reason: string };
  resourceMetadata: {
    ecrRepository: { name: string; scanFrequency: string };
    ecrImage?: { tags: string[]; imagePulledAt?: number };
  };
  lastScannedAt?: number;
}

interface CoverageResult {
  coveredResources: Covered[];
  nextToken?: string;
}

function cover(
  request: Record<string, unknown> = {},
  registry = sampleRegistry(),
): CoverageResult {
  const response = listCoverage(registry, request);
  expect(
    checkShape(INSPECTOR2_MODEL, 'ListCoverageResponse', response, 'output'),
  ).toEqual([]);
  return response as CoverageResult;
}

const repoArn = (name: string) =>
  `arn:aws:ecr:eu-west-1:${ACCOUNT_ID}:repository/${name}`;
const imageArn = (name: string, label: string) =>
  `${repoArn(name)}/${digestOf(label)}`;

function expectValidation(run: () => unknown, message: RegExp) {
  expect(run).toThrow(EcrApiError);
  expect(run).toThrow(message);
  try {
    run();
  } catch (error) {
    expect((error as EcrApiError).type).toBe('ValidationException');
  }
}

describe('listCoverage', () => {
  test('a repository and its container images, the index left out', () => {
    const { coveredResources } = cover({
      filterCriteria: {
        ecrRepositoryName: [{ comparison: 'EQUALS', value: 'team/payments' }],
      },
    });
    const ecrRepository = {
      name: 'team/payments',
      scanFrequency: 'CONTINUOUS_SCAN',
    };
    const image = (
      label: string,
      reason: string,
      tags: string[],
      extra: Partial<Covered> = {},
      statusCode = 'ACTIVE',
    ) => ({
      resourceType: 'AWS_ECR_CONTAINER_IMAGE',
      resourceId: imageArn('team/payments', label),
      accountId: ACCOUNT_ID,
      scanType: 'PACKAGE',
      scanStatus: { statusCode, reason },
      resourceMetadata: { ecrRepository, ecrImage: { tags } },
      ...extra,
    });
    expect(coveredResources).toEqual([
      {
        resourceType: 'AWS_ECR_REPOSITORY',
        resourceId: repoArn('team/payments'),
        accountId: ACCOUNT_ID,
        scanType: 'PACKAGE',
        scanStatus: { statusCode: 'ACTIVE', reason: 'SUCCESSFUL' },
        resourceMetadata: { ecrRepository },
        lastScannedAt: 1_300,
      },
      image('app', 'SUCCESSFUL', ['1.0.0', 'latest'], {
        resourceMetadata: {
          ecrRepository,
          ecrImage: { tags: ['1.0.0', 'latest'], imagePulledAt: 5_000 },
        },
        lastScannedAt: 1_100,
      }),
      image('multi-amd64', 'SUCCESSFUL', [], { lastScannedAt: 1_200 }),
      image('multi-arm64', 'SUCCESSFUL', [], { lastScannedAt: 1_210 }),
      image('app-sig', 'UNSUPPORTED_MEDIA_TYPE', [], {}, 'INACTIVE'),
      image('dev', 'PENDING_INITIAL_SCAN', ['dev']),
      image('clean', 'SUCCESSFUL', ['clean'], { lastScannedAt: 1_300 }),
    ]);
  });

  test.each([
    [
      repoArn('team/payments-worker'),
      'ACTIVE',
      'SUCCESSFUL',
      'CONTINUOUS_SCAN',
    ],
    [repoArn('edge-proxy'), 'ACTIVE', 'SUCCESSFUL', 'SCAN_ON_PUSH'],
    [repoArn('legacy'), 'INACTIVE', 'SCAN_FREQUENCY_MANUAL', 'MANUAL'],
    [
      imageArn('edge-proxy', 'edge'),
      'INACTIVE',
      'SCAN_FREQUENCY_SCAN_ON_PUSH',
      'SCAN_ON_PUSH',
    ],
    [
      imageArn('edge-proxy', 'edge-new'),
      'ACTIVE',
      'SCAN_IN_PROGRESS',
      'SCAN_ON_PUSH',
    ],
    [
      imageArn('edge-proxy', 'edge-old'),
      'INACTIVE',
      'IMAGE_ARCHIVED',
      'SCAN_ON_PUSH',
    ],
    [
      imageArn('edge-proxy', 'edge-broken'),
      'INACTIVE',
      'INTERNAL_ERROR',
      'SCAN_ON_PUSH',
    ],
    [imageArn('legacy', 'old'), 'INACTIVE', 'SCAN_FREQUENCY_MANUAL', 'MANUAL'],
  ])(
    '%s is %s (%s), scanned %s',
    (resourceId, statusCode, reason, frequency) => {
      const { coveredResources } = cover({
        filterCriteria: {
          resourceId: [{ comparison: 'EQUALS', value: resourceId }],
        },
      });
      expect(coveredResources).toHaveLength(1);
      expect(coveredResources[0].scanStatus).toEqual({ statusCode, reason });
      expect(
        coveredResources[0].resourceMetadata.ecrRepository.scanFrequency,
      ).toBe(frequency);
    },
  );

  test('the whole registry: 4 repositories and 12 images (no index)', () => {
    const { coveredResources, nextToken } = cover();
    expect(nextToken).toBeUndefined();
    expect(
      coveredResources.filter(r => r.resourceType === 'AWS_ECR_REPOSITORY'),
    ).toHaveLength(4);
    expect(
      coveredResources.filter(
        r => r.resourceType === 'AWS_ECR_CONTAINER_IMAGE',
      ),
    ).toHaveLength(12);
    expect(coveredResources.map(r => r.resourceId)).not.toContain(
      imageArn('team/payments', 'multi'),
    );
  });

  const count = (filterCriteria: Record<string, unknown>) =>
    cover({ filterCriteria }).coveredResources.length;

  test.each([
    [
      'resource type',
      { resourceType: [{ comparison: 'EQUALS', value: 'AWS_ECR_REPOSITORY' }] },
      4,
    ],
    [
      'scan status code',
      // legacy and its image, the signature, the scan-on-push, archived and failed images
      { scanStatusCode: [{ comparison: 'EQUALS', value: 'INACTIVE' }] },
      6,
    ],
    [
      'scan status reason',
      {
        scanStatusReason: [
          { comparison: 'EQUALS', value: 'SCAN_FREQUENCY_MANUAL' },
        ],
      },
      2,
    ],
    [
      'two repository names (OR)',
      {
        ecrRepositoryName: [
          { comparison: 'EQUALS', value: 'legacy' },
          { comparison: 'EQUALS', value: 'edge-proxy' },
        ],
      },
      7,
    ],
    [
      'repository name NOT_EQUALS',
      {
        ecrRepositoryName: [
          { comparison: 'NOT_EQUALS', value: 'team/payments' },
        ],
      },
      9,
    ],
    [
      'image tag EQUALS',
      { ecrImageTags: [{ comparison: 'EQUALS', value: 'latest' }] },
      1,
    ],
    [
      'image tag NOT_EQUALS keeps repositories and untagged images',
      { ecrImageTags: [{ comparison: 'NOT_EQUALS', value: 'latest' }] },
      15,
    ],
    [
      'criteria combine with AND',
      {
        ecrRepositoryName: [{ comparison: 'EQUALS', value: 'team/payments' }],
        resourceType: [
          { comparison: 'EQUALS', value: 'AWS_ECR_CONTAINER_IMAGE' },
        ],
        scanStatusCode: [{ comparison: 'EQUALS', value: 'ACTIVE' }],
      },
      5,
    ],
    [
      'last scanned between 1200 and 1400',
      { lastScannedAt: [{ startInclusive: 1_200, endInclusive: 1_400 }] },
      6,
    ],
    ['pulled at some time', { imagePulledAt: [{ startInclusive: 0 }] }, 1],
    [
      'a Lambda criterion matches no ECR resource',
      { lambdaFunctionName: [{ comparison: 'EQUALS', value: 'fn' }] },
      0,
    ],
    [
      'a Lambda NOT_EQUALS criterion keeps every ECR resource',
      { lambdaFunctionName: [{ comparison: 'NOT_EQUALS', value: 'fn' }] },
      16,
    ],
    [
      'an EC2 tag criterion matches no ECR resource',
      { ec2InstanceTags: [{ comparison: 'EQUALS', key: 'k', value: 'v' }] },
      0,
    ],
  ])('filter: %s', (_name, filterCriteria, expected) => {
    expect(count(filterCriteria)).toBe(expected);
  });

  test('a registry on basic scanning is not covered by Inspector', () => {
    expect(cover({}, sampleRegistry('BASIC'))).toEqual({
      coveredResources: [],
    });
  });

  test('resource ids carry the partition of the Region', () => {
    const ids = cover(
      {},
      sampleRegistry('ENHANCED', 'cn-north-1'),
    ).coveredResources.map(r => r.resourceId);
    expect(ids.every(id => id.startsWith('arn:aws-cn:ecr:cn-north-1:'))).toBe(
      true,
    );
  });

  test('pages of maxResults over 250 images; the model maximum (200) by default', () => {
    const registry = bulkRegistry(250);
    const sizes: number[] = [];
    let nextToken: string | undefined;
    const seen = new Set<string>();
    do {
      const page = cover({ maxResults: 100, nextToken }, registry);
      sizes.push(page.coveredResources.length);
      page.coveredResources.forEach(r => seen.add(r.resourceId));
      nextToken = page.nextToken;
    } while (nextToken && sizes.length < 10);
    expect(sizes).toEqual([100, 100, 51]);
    expect(seen.size).toBe(251);
    const first = cover({}, registry);
    expect(first.coveredResources).toHaveLength(200);
    expect(
      cover({ nextToken: first.nextToken }, registry).coveredResources,
    ).toHaveLength(51);
  });

  test('a forged token, or one issued for other filters, is refused', () => {
    const registry = bulkRegistry(250);
    const { nextToken } = cover({ maxResults: 10 }, registry);
    expectValidation(
      () => listCoverage(registry, { nextToken: 'Zm9yZ2Vk' }),
      /nextToken/,
    );
    expectValidation(
      () =>
        listCoverage(registry, {
          nextToken,
          filterCriteria: {
            resourceType: [
              { comparison: 'EQUALS', value: 'AWS_ECR_CONTAINER_IMAGE' },
            ],
          },
        }),
      /nextToken/,
    );
  });

  test.each([
    [
      'PREFIX (CoverageStringComparison has EQUALS and NOT_EQUALS only)',
      {
        filterCriteria: {
          ecrRepositoryName: [{ comparison: 'PREFIX', value: 'team/' }],
        },
      },
      /filterCriteria\.ecrRepositoryName\.1\.member\.comparison.*\[EQUALS, NOT_EQUALS\]/,
    ],
    [
      'an over-long value',
      {
        filterCriteria: {
          ecrImageTags: [{ comparison: 'EQUALS', value: 'x'.repeat(1025) }],
        },
      },
      /ecrImageTags\.1\.member\.value.*between 1 and 1024/,
    ],
    ['maxResults 201', { maxResults: 201 }, /less than or equal to 200/],
    ['maxResults 1.5', { maxResults: 1.5 }, /maxResults/],
  ])('%s → ValidationException', (_name, request, message) => {
    expectValidation(() => listCoverage(sampleRegistry(), request), message);
  });
});
