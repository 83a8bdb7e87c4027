import {
  ECR_ARN_ANNOTATION,
  type EcrImagesResponse,
  type Severity,
} from '@ecr-kit/backstage-plugin-ecr-common';
import type { LocalEcrApi } from '@ecr-kit/local-ecr-api';
import { ARNS, DR } from './__fixtures__/registry';
import { resetFixtureApi, startFixtureApi } from './__testUtils__/fixtureApi';
import { SEVERITY_RANK, readScanTruth } from './__testUtils__/scanTruth';
import {
  SECRET,
  component,
  get,
  startEcrBackend,
} from './__testUtils__/testBackend';

// The minimum-severity filter over a whole repository with enhanced scanning: Amazon
// Inspector's aggregation decides every image in ⌈images with findings / 100⌉ calls, and
// its answer must be the one per-image scan findings give.

jest.setTimeout(60_000);
const RANK = SEVERITY_RANK;
const REPOSITORY = 'team/scanned';
let api: LocalEcrApi;
/** Per platform digest: the severities ECR's own scan findings count. */
let truth: Map<string, Severity[]>;

beforeAll(async () => {
  api = await startFixtureApi();
  truth = await readScanTruth(api, {
    accountId: DR,
    region: 'us-east-1',
    repositoryName: REPOSITORY,
    credentials: { accessKeyId: 'AKIADRACCOUNT', secretAccessKey: SECRET },
  });
});
afterAll(() => api.stop());
beforeEach(() => resetFixtureApi(api));

function images() {
  return [
    ...api.store
      .get(DR, 'us-east-1')
      .repositories.get(REPOSITORY)!
      .images.values(),
  ];
}

/** Top-level images (as the table groups them) with the digests their scans come from. */
function topLevel() {
  const all = images();
  const children = new Set(
    all
      .filter(i => i.imageStatus === 'ACTIVE')
      .flatMap(i => (i.manifests ?? []).map(m => m.digest)),
  );
  return all
    .filter(i => !i.subjectManifestDigest && !children.has(i.imageDigest))
    .map(i => ({
      digest: i.imageDigest,
      platforms:
        i.manifests && i.imageStatus === 'ACTIVE'
          ? i.manifests.map(m => m.digest)
          : [i.imageDigest],
    }));
}

const atLeast = (minimum: Severity) => (severity: Severity) =>
  RANK.indexOf(severity) <= RANK.indexOf(minimum);

/** How many top-level images have a finding at `minimum` or worse, by ECR's own scans. */
function expectedCount(minimum: Severity) {
  return topLevel().filter(i =>
    i.platforms.some(d => (truth.get(d) ?? []).some(atLeast(minimum))),
  ).length;
}

async function backend() {
  return startEcrBackend({
    api,
    entities: [component('scanned', { [ECR_ARN_ANNOTATION]: ARNS.scanned })],
  });
}

const view = (minimum: Severity) =>
  `/entities/component/default/scanned/images?repository=${encodeURIComponent(ARNS.scanned)}&minSeverity=${minimum}&pageSize=25`;

describe('minimum severity with enhanced scanning', () => {
  it.each(['CRITICAL', 'HIGH', 'MEDIUM'] as Severity[])(
    'is exact at %s from one Inspector aggregation, without per-image calls',
    async minimum => {
      const server = await backend();
      const res = await get(server, view(minimum));
      expect(res.status).toBe(200);
      const body = res.body as EcrImagesResponse;
      expect(body.severityFilter).toEqual({
        evaluated: topLevel().length,
        unknown: 0,
      });
      expect(body.totalCount).toBe(expectedCount(minimum));
      expect(body.totalCount).toBeGreaterThan(0);
      const withFindings = [...truth.values()].filter(s => s.length > 0).length;
      expect(api.requestCount('ListFindingAggregations')).toBe(
        Math.ceil(withFindings / 100),
      );
      // Scan summaries only for the page (an index's come from its platforms).
      const page = body.images.reduce(
        (n, i) => n + Math.max(1, i.children.length),
        0,
      );
      expect(api.requestCount('DescribeImageScanFindings')).toBeLessThanOrEqual(
        page,
      );
    },
  );

  it('reads its own summary only for an image whose findings Inspector counts together (LOW)', async () => {
    const server = await backend();
    const first = (await get(server, view('LOW'))).body as EcrImagesResponse;
    // Images with only low, informational or untriaged findings: Inspector's `all` alone.
    const undecided = [...truth.entries()].filter(
      ([, s]) => s.length > 0 && !s.some(atLeast('MEDIUM')),
    ).length;
    expect(undecided).toBeGreaterThan(0);
    expect(first.severityFilter!.unknown).toBeGreaterThan(0);
    // They are read in the background; the filter becomes exact.
    const end = Date.now() + 30_000;
    let body = first;
    while (body.severityFilter!.unknown > 0 && Date.now() < end) {
      await new Promise(r => setTimeout(r, 200));
      body = (await get(server, view('LOW'))).body;
    }
    expect(body.severityFilter!.unknown).toBe(0);
    expect(body.totalCount).toBe(expectedCount('LOW'));
    expect(api.requestCount('DescribeImageScanFindings')).toBeLessThan(
      undecided + 2 * 25 * 2,
    );
  });

  it('falls back to per-image summaries when Inspector is denied', async () => {
    api.faults.add({
      operation: 'ListFindingAggregations',
      accessDenied: true,
    });
    const server = await backend();
    const res = await get(server, view('HIGH'));
    expect(res.status).toBe(200);
    const body = res.body as EcrImagesResponse;
    // Nothing cached yet: every image is not yet evaluated, and is read in the background.
    expect(body.severityFilter!.unknown).toBeGreaterThan(0);
    expect(api.requestCount('ListFindingAggregations')).toBeGreaterThan(0);
  });
});
