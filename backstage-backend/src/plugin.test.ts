import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ECR_ARN_ANNOTATION,
  ECR_TAGS_ANNOTATION,
  type EcrImagesResponse,
  type EcrRepositoriesResponse,
} from '@ecr-kit/backstage-plugin-ecr-common';
import type { LocalEcrApi } from '@ecr-kit/local-ecr-api';
import { ARNS, DR, MAIN } from './__fixtures__/registry';
import { resetFixtureApi, startFixtureApi } from './__testUtils__/fixtureApi';
import { component, get, startEcrBackend } from './__testUtils__/testBackend';
import { untilStale } from './__testUtils__/untilStale';

const entities = [
  component('payments', {
    [ECR_ARN_ANNOTATION]: `${ARNS.payments},${ARNS.paymentsDr}`,
  }),
  component('big', { [ECR_ARN_ANNOTATION]: ARNS.big }),
  component('by-tag', { [ECR_TAGS_ANNOTATION]: 'service=payments' }),
  component('broken', { [ECR_ARN_ANNOTATION]: 'arn:aws:s3:::bucket' }),
  component('unconfigured', { [ECR_ARN_ANNOTATION]: ARNS.unconfigured }),
  component('secret', { [ECR_ARN_ANNOTATION]: ARNS.other }),
];

jest.setTimeout(30_000);
let api: LocalEcrApi;

function startBackend(
  ecr: Record<string, unknown> = {},
  features: Parameters<typeof startEcrBackend>[0]['features'] = [],
) {
  return startEcrBackend({ api, entities, ecr, features });
}

beforeAll(async () => {
  api = await startFixtureApi();
});
afterAll(() => api.stop());
beforeEach(() => resetFixtureApi(api));

describe('repositories', () => {
  it('lists an entity’s repositories in two accounts and regions with their settings', async () => {
    const server = await startBackend();
    const res = await get(
      server,
      '/entities/component/default/payments/repositories',
    );
    expect(res.status).toBe(200);
    const body = res.body as EcrRepositoriesResponse;
    expect(body.errors).toEqual([]);
    expect(body.freshness.stale).toBe(false);
    const [main, dr] = body.repositories;
    expect(main).toEqual({
      arn: ARNS.payments,
      name: 'team/payments',
      uri: `${MAIN}.dkr.ecr.eu-west-1.amazonaws.com/team/payments`,
      consoleUrl: `https://eu-west-1.console.aws.amazon.com/ecr/repositories/private/${MAIN}/team/payments?region=eu-west-1`,
      accountId: MAIN,
      region: 'eu-west-1',
      createdAt: expect.any(String),
      tagMutability: { mode: 'IMMUTABLE', exclusionFilters: [] },
      scanning: { type: 'BASIC', scanOnPush: true, continuous: false },
      encryption: {
        type: 'KMS',
        kmsKey: `arn:aws:kms:eu-west-1:${MAIN}:key/abc`,
      },
      lifecyclePolicy: {
        present: true,
        rules: ['expire untagged images after 14 days'],
      },
      repositoryPolicyPresent: false,
      imageCount: 5,
    });
    expect(dr).toMatchObject({
      accountId: DR,
      region: 'us-east-1',
      tagMutability: { mode: 'MUTABLE' },
      scanning: { type: 'ENHANCED', scanOnPush: false, continuous: true },
      encryption: { type: 'AES256' },
      lifecyclePolicy: { present: false, rules: [] },
    });
  });

  it('finds repositories by tag through the Resource Groups Tagging API', async () => {
    const server = await startBackend();
    const res = await get(
      server,
      '/entities/component/default/by-tag/repositories',
    );
    expect(res.status).toBe(200);
    expect(res.body.repositories.map((r: { arn: string }) => r.arn)).toEqual([
      ARNS.tagged,
    ]);
    expect(api.requestCount('GetResources')).toBe(1);
  });

  it('answers 404 for an entity the caller cannot see', async () => {
    const server = await startBackend();
    const res = await get(
      server,
      '/entities/component/default/nobody/repositories',
    );
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('component:default/nobody');
  });

  it('answers 403 when a permission policy denies ecr.entity.read, before any AWS call', async () => {
    const server = await startBackend({}, [
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ]);
    const res = await get(
      server,
      '/entities/component/default/payments/repositories',
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/ecr\.entity\.read/);
    expect(api.requestCount('DescribeRepositories')).toBe(0);
  });

  it('answers 400 naming the annotation for a malformed one', async () => {
    const server = await startBackend();
    const res = await get(
      server,
      '/entities/component/default/broken/repositories',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(ECR_ARN_ANNOTATION);
  });

  it('reports an account with no credentials configured, without leaking credentials', async () => {
    const server = await startBackend();
    const res = await get(
      server,
      '/entities/component/default/unconfigured/repositories',
    );
    expect(res.status).toBe(200);
    expect(res.body.repositories).toEqual([]);
    expect(res.body.errors).toEqual([
      {
        arn: ARNS.unconfigured,
        message: expect.stringMatching(/account 444444444444.*aws\.accounts/),
      },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/AKIA|local-secret/);
  });

  it('turns AccessDenied into an actionable message', async () => {
    api.faults.add({ accountId: MAIN, accessDenied: true });
    const server = await startBackend();
    const res = await get(
      server,
      '/entities/component/default/big/repositories',
    );
    expect(res.body.errors[0].message).toBe(
      `Access denied in account ${MAIN} (eu-west-1) while trying to describe the repository: the role or keys configured for this account in aws.accounts need ecr:DescribeRepositories and ecr:GetLifecyclePolicy and ecr:GetRepositoryPolicy`,
    );
    // The listing started beside it is denied too: a view of the images joins it, so it
    // has settled before the fault is lifted (and no later test counts its calls).
    const listing = await get(
      server,
      `/entities/component/default/big/images?repository=${encodeURIComponent(ARNS.big)}`,
    );
    expect(listing.body.error.message).toMatch(/^Access denied in account/);
  });
});

describe('images', () => {
  /**
   * DescribeImages calls of one listing of team/big: tagged and untagged images are listed
   * side by side, 1,000 per page.
   */
  const listingCalls = () => {
    const all = [
      ...api.store
        .get(MAIN, 'eu-west-1')
        .repositories.get('team/big')!
        .images.values(),
    ];
    const tagged = all.filter(i => i.imageTags.length > 0).length;
    return Math.ceil(tagged / 1000) + Math.ceil((all.length - tagged) / 1000);
  };
  const images = (entity: string, arn: string, query = '') =>
    `/entities/component/default/${entity}/images?repository=${encodeURIComponent(arn)}${query}`;

  it('serves the first page of a 10,000-image repository newest first, sorted across all pages', async () => {
    const server = await startBackend();
    const res = await get(server, images('big', ARNS.big, '&pageSize=25'));
    expect(res.status).toBe(200);
    const body = res.body as EcrImagesResponse;
    const all = [
      ...api.store
        .get(MAIN, 'eu-west-1')
        .repositories.get('team/big')!
        .images.values(),
    ];
    // ECR does not return the manifest of an archived index (it cannot be pulled), so only
    // an active index's platform manifests can be grouped under it.
    const children = new Set(
      all
        .filter(i => i.imageStatus === 'ACTIVE')
        .flatMap(i => (i.manifests ?? []).map(m => m.digest)),
    );
    const top = all.filter(
      i => !i.subjectManifestDigest && !children.has(i.imageDigest),
    );
    const expected = top
      .sort(
        (a, b) =>
          b.imagePushedAt - a.imagePushedAt ||
          (a.imageDigest < b.imageDigest ? -1 : 1),
      )
      .slice(0, 25)
      .map(i => i.imageDigest);
    expect(body.images.map(i => i.digest)).toEqual(expected);
    expect(body.totalCount).toBe(top.length);
    expect(children.size).toBeGreaterThan(0);
    expect(api.requestCount('DescribeImages')).toBe(listingCalls());
    // Active index manifests are read 100 per call to group platform manifests.
    const indexes = all.filter(
      i => i.manifests && i.imageStatus === 'ACTIVE',
    ).length;
    expect(api.requestCount('BatchGetImage')).toBe(Math.ceil(indexes / 100));
    // One summary per image on the page; an index's comes from its platforms.
    const pageImages = expected.map(digest =>
      all.find(i => i.imageDigest === digest)!,
    );
    expect(api.requestCount('DescribeImageScanFindings')).toBe(
      pageImages.reduce((n, i) => n + (i.manifests?.length ?? 1), 0),
    );
  });

  it('shares one upstream listing between 100 concurrent cold requests', async () => {
    const server = await startBackend();
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        get(server, images('big', ARNS.big, '&pageSize=5')),
      ),
    );
    expect(responses.every(r => r.status === 200)).toBe(true);
    expect(api.requestCount('DescribeImages')).toBe(listingCalls());
  });

  it('groups referrers under their image and shows scan states, untagged images and unscannable artifacts', async () => {
    const server = await startBackend();
    const res = await get(server, images('payments', ARNS.payments));
    const body = res.body as EcrImagesResponse;
    expect(body.images.map(i => [i.tags, i.kind, i.scan?.state])).toEqual([
      [['3.0.0'], 'image-index', 'COMPLETE'],
      [['chart-1.0.0'], 'helm-chart', 'NOT_SCANNED'],
      [[], 'image', 'COMPLETE'],
      [['2.0.0'], 'image', 'COMPLETE'],
      [['1.0.0'], 'image', 'COMPLETE'],
    ]);
    // The index's platform manifests are under it, not loose untagged rows.
    expect(
      body.images[0].children.map(c => [
        c.platform,
        c.tags,
        c.kind,
        c.scan?.counts,
      ]),
    ).toEqual([
      ['linux/amd64', [], 'image', { MEDIUM: 1 }],
      ['linux/arm64/v8', [], 'image', { MEDIUM: 1 }],
    ]);
    // The index's summary is the highest count per severity over its platforms.
    expect(body.images[0].scan?.counts).toEqual({ MEDIUM: 1 });
    expect(body.totalCount).toBe(5);
    const signed = body.images[4];
    expect(signed.scan?.counts).toEqual({ CRITICAL: 1, LOW: 1 });
    expect(signed.referrers).toEqual([
      expect.objectContaining({ kind: 'signature' }),
    ]);
  });

  it('filters by tag text, tag status, kind and minimum severity', async () => {
    const server = await startBackend();
    const tags = async (query: string) =>
      (
        (await get(server, images('payments', ARNS.payments, query)))
          .body as EcrImagesResponse
      ).images.map(i => i.tags.join());
    // A first unfiltered view caches every image's scan summary, so severity filtering
    // below is exact.
    expect(await tags('')).toEqual([
      '3.0.0',
      'chart-1.0.0',
      '',
      '2.0.0',
      '1.0.0',
    ]);
    expect(await tags('&tag=2.0')).toEqual(['2.0.0']);
    expect(await tags('&tagStatus=UNTAGGED')).toEqual(['']);
    expect(await tags('&kind=helm-chart')).toEqual(['chart-1.0.0']);
    expect(await tags('&minSeverity=HIGH')).toEqual(['', '1.0.0']);
    expect(await tags('&minSeverity=MEDIUM')).toEqual(['3.0.0', '', '1.0.0']);
    expect(await tags('&kind=image-index')).toEqual(['3.0.0']);
    expect(await tags('&minSeverity=CRITICAL&sort=tag&order=asc')).toEqual([
      '1.0.0',
    ]);
  });

  it('refuses a repository that is not the entity’s, and a crafted ARN', async () => {
    const server = await startBackend();
    const notOwn = await get(server, images('payments', ARNS.other));
    expect(notOwn.status).toBe(404);
    expect(api.requestCount('DescribeImages')).toBe(0);
    expect(api.requestCount('DescribeRepositories')).toBe(0);
    const crafted = await get(
      server,
      images('payments', `${ARNS.payments}/../../secret`),
    );
    expect(crafted.status).toBe(400);
    expect(crafted.body.error.message).toMatch(
      /^Invalid repository|repository:/,
    );
  });

  it('answers 400 naming the bad query field', async () => {
    const server = await startBackend();
    const res = await get(
      server,
      images('payments', ARNS.payments, '&pageSize=1000'),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Invalid pageSize/);
    const missing = await get(
      server,
      '/entities/component/default/payments/images',
    );
    expect(missing.body.error.message).toMatch(/^Invalid repository/);
  });

  it('retries through throttling to success', async () => {
    // A 30 % throttle rate with 8 attempts fails a call with p = 0.3^8 ≈ 7e-5.
    const server = await startBackend({ maxAttempts: 8 });
    api.faults.add({ operation: 'DescribeImages', throttleRate: 0.3 });
    const responses = await Promise.all(
      [ARNS.payments, ARNS.big].map(arn =>
        get(
          server,
          images(arn === ARNS.big ? 'big' : 'payments', arn, '&pageSize=1'),
        ),
      ),
    );
    expect(responses.map(r => r.status)).toEqual([200, 200]);
    expect(api.requestCount('DescribeImages')).toBeGreaterThan(11);
  });

  it('serves the last good listing, marked stale, while ECR keeps throttling', async () => {
    const server = await startBackend({
      cache: { ttl: { milliseconds: 1 } },
      maxAttempts: 2,
    });
    const first = await get(server, images('payments', ARNS.payments));
    expect(first.status).toBe(200);
    expect(first.body.freshness.stale).toBe(false);
    api.faults.add({ operation: 'DescribeImages', throttleRate: 1 });
    await new Promise(resolve => setTimeout(resolve, 5));
    // Expired: served at once while the refresh runs…
    const refreshing = await get(server, images('payments', ARNS.payments));
    expect(refreshing.body.freshness).toMatchObject({
      stale: false,
      refreshing: true,
    });
    // …and once the refresh has failed, marked stale with why.
    const second = await untilStale(() =>
      get(server, images('payments', ARNS.payments)),
    );
    expect(second.status).toBe(200);
    expect(second.body.freshness).toMatchObject({
      stale: true,
      staleReason: expect.stringContaining('throttling'),
    });
    expect(second.body.images).toEqual(first.body.images);
  });
});

describe('findings', () => {
  const findings = (arn: string, digest: string, query = '') =>
    `/entities/component/default/payments/findings?repository=${encodeURIComponent(arn)}&digest=${digest}${query}`;
  const digestOf = (account: string, region: string, tag: string) =>
    [
      ...api.store
        .get(account, region)
        .repositories.get('team/payments')!
        .images.values(),
    ].find(i => i.imageTags.includes(tag))!.imageDigest;

  it('normalizes enhanced findings', async () => {
    const server = await startBackend();
    const res = await get(
      server,
      findings(ARNS.paymentsDr, digestOf(DR, 'us-east-1', '1.0.0')),
    );
    expect(res.status).toBe(200);
    expect(res.body.scan).toMatchObject({
      state: 'COMPLETE',
      counts: { HIGH: 1, UNDEFINED: 1 },
    });
    expect(res.body.findings[0]).toEqual({
      id: 'CVE-2024-6387',
      severity: 'HIGH',
      packageName: 'openssh',
      installedVersion: '9.6p1',
      fixedInVersion: '9.8p1',
      fixAvailable: true,
      cvssScore: 8.1,
      exploitAvailable: true,
      description: 'regreSSHion',
      referenceUrl: 'https://nvd.nist.gov/vuln/detail/CVE-2024-6387',
      // The detail enhanced scanning reports (normalizeFindings.test.ts has every case).
      title: 'CVE-2024-6387 - openssh',
      cvss: {
        score: 8.1,
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        version: '3.1',
        source: 'NVD',
      },
      remediation: 'Upgrade openssh to 9.8p1.',
      firstObservedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lastObservedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      references: ['https://nvd.nist.gov/vuln/detail/CVE-2024-6387'],
      packages: [
        {
          name: 'openssh',
          version: '9.6p1',
          fixedInVersion: '9.8p1',
          packageManager: 'OS',
          arch: 'X86_64',
        },
      ],
    });
    const fixable = await get(
      server,
      findings(
        ARNS.paymentsDr,
        digestOf(DR, 'us-east-1', '1.0.0'),
        '&fixable=true',
      ),
    );
    expect(fixable.body.findings.map((f: { id: string }) => f.id)).toEqual([
      'CVE-2024-6387',
    ]);
  });

  it('normalizes basic findings, sorted by severity, with a minimum severity filter', async () => {
    const server = await startBackend();
    const digest = digestOf(MAIN, 'eu-west-1', '1.0.0');
    const all = await get(server, findings(ARNS.payments, digest));
    expect(
      all.body.findings.map((f: { id: string; severity: string }) => [
        f.id,
        f.severity,
      ]),
    ).toEqual([
      ['CVE-2024-0001', 'CRITICAL'],
      ['CVE-2024-0002', 'LOW'],
    ]);
    const critical = await get(
      server,
      findings(ARNS.payments, digest, '&minSeverity=CRITICAL'),
    );
    expect(critical.body.findings).toHaveLength(1);
  });

  it('answers 404 for an image that is not in the repository and 400 for a bad digest', async () => {
    const server = await startBackend();
    const missing = await get(
      server,
      findings(ARNS.payments, `sha256:${'0'.repeat(64)}`),
    );
    expect(missing.status).toBe(404);
    const bad = await get(server, findings(ARNS.payments, 'latest'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Invalid digest/);
  });
});
