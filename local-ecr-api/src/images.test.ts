import {
  BatchGetImageCommand,
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  ECRClient,
  ImageNotFoundException,
  ListImagesCommand,
  ScanNotFoundException,
  paginateDescribeImageScanFindings,
  paginateDescribeImages,
} from '@aws-sdk/client-ecr';
import { MEDIA_TYPES, startLocalEcrApi, type LocalEcrApi } from './index';
import { NOW, fixture } from './__fixtures__/testFixture';

let api: LocalEcrApi;
const client = (accessKeyId: string, region: string) =>
  new ECRClient({
    endpoint: api.url,
    region,
    credentials: { accessKeyId, secretAccessKey: 'local' },
  });
const basic = () => client('AKIABASIC', 'eu-west-1');
const enhanced = () => client('AKIAENHANCED', 'us-east-1');
const legacy = () => client('AKIALEGACY', 'eu-west-1');
const repositoryName = 'team/payments';

beforeAll(async () => {
  api = await startLocalEcrApi({ fixture, now: () => NOW });
});
afterAll(() => api.stop());
beforeEach(() => api.resetRequestCounts());

async function details(ecr: ECRClient, filter?: object) {
  const result = await ecr.send(
    new DescribeImagesCommand({ repositoryName, filter }),
  );
  return result.imageDetails ?? [];
}

describe('DescribeImages', () => {
  it('returns ECR image details with epoch-second timestamps turned into Dates by the SDK', async () => {
    const image = (await details(basic())).find(i =>
      i.imageTags?.includes('1.0.0'),
    );
    expect(image).toEqual({
      registryId: '111111111111',
      repositoryName,
      imageDigest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      imageTags: ['1.0.0'],
      imageSizeInBytes: 1234,
      imagePushedAt: new Date('2025-12-01T10:00:00Z'),
      lastRecordedPullTime: new Date('2025-12-02T10:00:00Z'),
      imageManifestMediaType: MEDIA_TYPES.ociManifest,
      artifactMediaType: MEDIA_TYPES.ociImageConfig,
      imageStatus: 'ACTIVE',
    });
  });

  it('leaves scan status and counts out with AWS-native basic and with enhanced scanning', async () => {
    for (const ecr of [basic(), enhanced()]) {
      for (const image of await details(ecr)) {
        expect(image.imageScanStatus).toBeUndefined();
        expect(image.imageScanFindingsSummary).toBeUndefined();
      }
    }
  });

  it('still returns them with legacy basic scanning', async () => {
    const images = await details(legacy());
    const scanned = images.find(i => i.imageTags?.includes('1.0.0'));
    expect(scanned?.imageScanStatus).toEqual({ status: 'COMPLETE' });
    expect(scanned?.imageScanFindingsSummary?.findingSeverityCounts).toEqual({
      CRITICAL: 1,
      LOW: 1,
    });
    const failed = images.find(i => i.imageTags?.includes('broken'));
    expect(failed?.imageScanStatus).toEqual({
      status: 'FAILED',
      description: 'Unable to scan layer',
    });
    expect(failed?.imageScanFindingsSummary).toBeUndefined();
  });

  it('shows an index with its platform manifests as untagged images, and referrers with their subject', async () => {
    const images = await details(basic());
    const index = images.find(
      i => i.imageManifestMediaType === MEDIA_TYPES.ociIndex,
    );
    expect(index?.imageTags).toEqual(['2.0.0', 'latest-main']);
    const untagged = images.filter(i => !i.imageTags);
    expect(
      untagged.filter(i => i.artifactMediaType === MEDIA_TYPES.ociImageConfig),
    ).toHaveLength(2);
    const subject = images.find(i =>
      i.imageTags?.includes('1.0.0'),
    )!.imageDigest;
    expect(
      images
        .filter(i => i.subjectManifestDigest)
        .map(i => [i.artifactMediaType, i.subjectManifestDigest]),
    ).toEqual(
      expect.arrayContaining([
        [MEDIA_TYPES.cosignSignature, subject],
        [MEDIA_TYPES.spdxSbom, subject],
      ]),
    );
    expect(
      images.find(i => i.imageTags?.includes('chart-0.1.0'))?.artifactMediaType,
    ).toBe(MEDIA_TYPES.helmChart);
  });

  it('returns only ACTIVE images unless imageStatus asks for ARCHIVED or ANY', async () => {
    const active = await details(basic());
    const archived = await details(basic(), { imageStatus: 'ARCHIVED' });
    const any = await details(basic(), { imageStatus: 'ANY' });
    expect(active.every(i => i.imageStatus === 'ACTIVE')).toBe(true);
    expect(archived).toEqual([
      expect.objectContaining({
        imageStatus: 'ARCHIVED',
        lastArchivedAt: new Date('2025-01-01T00:00:00Z'),
      }),
    ]);
    expect(any).toHaveLength(active.length + 1);
    expect(await details(basic(), { tagStatus: 'UNTAGGED' })).toHaveLength(
      active.filter(i => !i.imageTags).length,
    );
  });

  it('finds images by id and reports a missing one as ImageNotFoundException', async () => {
    const result = await basic().send(
      new DescribeImagesCommand({
        repositoryName,
        imageIds: [{ imageTag: '2.0.0' }],
      }),
    );
    expect(result.imageDetails?.[0].imageTags).toContain('2.0.0');
    await expect(
      basic().send(
        new DescribeImagesCommand({
          repositoryName,
          imageIds: [{ imageTag: 'nope' }],
        }),
      ),
    ).rejects.toThrow(ImageNotFoundException);
  });

  it('pages a generated 10,000-image repository in ceil(10,000 / maxResults) requests', async () => {
    const digests = new Set<string>();
    for await (const page of paginateDescribeImages(
      { client: enhanced(), pageSize: 1000 },
      { repositoryName: 'team/big', filter: { imageStatus: 'ANY' } },
    )) {
      for (const image of page.imageDetails ?? [])
        digests.add(image.imageDigest!);
    }
    expect(digests.size).toBe(10_000);
    expect(api.requestCount('DescribeImages')).toBe(10);
  });
});

describe('ListImages', () => {
  it('returns one entry per (digest, tag) pair and the digest alone for untagged images', async () => {
    const result = await basic().send(
      new ListImagesCommand({ repositoryName }),
    );
    const ids = result.imageIds ?? [];
    const index = ids.filter(
      i => i.imageTag === '2.0.0' || i.imageTag === 'latest-main',
    );
    expect(index).toHaveLength(2);
    expect(index[0].imageDigest).toBe(index[1].imageDigest);
    expect(ids.filter(i => !i.imageTag).length).toBeGreaterThanOrEqual(4);
  });
});

describe('DescribeImageScanFindings', () => {
  it('returns basic findings with severity counts', async () => {
    const result = await basic().send(
      new DescribeImageScanFindingsCommand({
        repositoryName,
        imageId: { imageTag: '1.0.0' },
      }),
    );
    expect(result.imageScanStatus?.status).toBe('COMPLETE');
    expect(result.imageScanFindings?.findingSeverityCounts).toEqual({
      CRITICAL: 1,
      LOW: 1,
    });
    expect(result.imageScanFindings?.enhancedFindings).toBeUndefined();
    expect(result.imageScanFindings?.findings?.[0]).toEqual({
      name: 'CVE-2024-0001',
      description: 'Remote code execution in openssl',
      uri: 'https://nvd.nist.gov/vuln/detail/CVE-2024-0001',
      severity: 'CRITICAL',
      attributes: [
        { key: 'package_name', value: 'openssl' },
        { key: 'package_version', value: '3.0.1' },
        { key: 'CVSS3_SCORE', value: '9.8' },
      ],
    });
  });

  it('returns enhanced findings in the Inspector shape', async () => {
    const result = await enhanced().send(
      new DescribeImageScanFindingsCommand({
        repositoryName,
        imageId: { imageTag: '1.0.0' },
      }),
    );
    expect(result.imageScanFindings?.findings).toBeUndefined();
    const [critical, low] = result.imageScanFindings?.enhancedFindings ?? [];
    expect(critical).toMatchObject({
      awsAccountId: '222222222222',
      severity: 'CRITICAL',
      fixAvailable: 'YES',
      exploitAvailable: 'YES',
      score: 9.8,
      type: 'PACKAGE_VULNERABILITY',
      packageVulnerabilityDetails: {
        vulnerabilityId: 'CVE-2024-0001',
        vulnerablePackages: [
          { name: 'openssl', version: '3.0.1', fixedInVersion: '3.0.13' },
        ],
      },
    });
    expect(critical.findingArn).toMatch(
      /^arn:aws:inspector2:us-east-1:222222222222:finding\//,
    );
    expect(low).toMatchObject({ fixAvailable: 'NO', exploitAvailable: 'NO' });
    expect(
      low.packageVulnerabilityDetails?.vulnerablePackages?.[0].fixedInVersion,
    ).toBe('NotAvailable');
  });

  it('pages enhanced findings 100 at a time whatever maxResults says', async () => {
    const sizes: number[] = [];
    for await (const page of paginateDescribeImageScanFindings(
      { client: enhanced(), pageSize: 10 },
      { repositoryName: 'team/many-findings', imageId: { imageTag: 'v1' } },
    )) {
      sizes.push(page.imageScanFindings?.enhancedFindings?.length ?? 0);
    }
    expect(sizes).toEqual([100, 100, 50]);
  });

  it('reports a failed scan without findings, and no scan as ScanNotFoundException', async () => {
    const failed = await basic().send(
      new DescribeImageScanFindingsCommand({
        repositoryName,
        imageId: { imageTag: 'broken' },
      }),
    );
    expect(failed.imageScanStatus).toEqual({
      status: 'FAILED',
      description: 'Unable to scan layer',
    });
    expect(failed.imageScanFindings).toBeUndefined();
    await expect(
      basic().send(
        new DescribeImageScanFindingsCommand({
          repositoryName,
          imageId: { imageTag: 'chart-0.1.0' },
        }),
      ),
    ).rejects.toThrow(ScanNotFoundException);
  });
});

describe('BatchGetImage', () => {
  it('returns an index manifest listing its platform manifests, and failures for the rest', async () => {
    const all = await details(basic(), { tagStatus: 'ANY' });
    const index = all.find(
      i => i.imageManifestMediaType === MEDIA_TYPES.ociIndex,
    )!;
    const result = await basic().send(
      new BatchGetImageCommand({
        repositoryName,
        imageIds: [
          { imageDigest: index.imageDigest },
          { imageTag: '1.0.0' },
          { imageDigest: `sha256:${'0'.repeat(64)}` },
        ],
        acceptedMediaTypes: [
          MEDIA_TYPES.ociIndex,
          MEDIA_TYPES.dockerManifestList,
        ],
      }),
    );
    expect(result.images).toHaveLength(1);
    const manifest = JSON.parse(result.images![0].imageManifest!);
    expect(manifest.mediaType).toBe(MEDIA_TYPES.ociIndex);
    expect(
      manifest.manifests.map(
        (m: { platform: { os: string; architecture: string } }) =>
          `${m.platform.os}/${m.platform.architecture}`,
      ),
    ).toEqual(['linux/amd64', 'linux/arm64']);
    // Each listed platform manifest is an untagged image of the repository.
    for (const m of manifest.manifests) {
      expect(
        all.find(i => i.imageDigest === m.digest)?.imageTags,
      ).toBeUndefined();
    }
    // The model has no failure code for an unaccepted media type: ECR reports ImageNotFound.
    expect(result.failures?.map(f => f.failureCode)).toEqual([
      'ImageNotFound',
      'ImageNotFound',
    ]);
  });

  it('rejects more than 100 image ids', async () => {
    await expect(
      basic().send(
        new BatchGetImageCommand({
          repositoryName,
          imageIds: Array.from({ length: 101 }, (_, i) => ({
            imageTag: `t${i}`,
          })),
        }),
      ),
    ).rejects.toThrow(
      "Invalid parameter at 'imageIds' failed to satisfy constraint: 'must have length less than or equal to 100'",
    );
  });
});
