import { ECR_ARN_ANNOTATION } from '@ecr-kit/backstage-plugin-ecr-common';
import type { LocalEcrApi } from '@ecr-kit/local-ecr-api';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { ARNS } from './__fixtures__/registry';
import { startFixtureApi } from './__testUtils__/fixtureApi';
import { component, get, startEcrBackend } from './__testUtils__/testBackend';

// Requests an attacker or a broken client sends: each answers a small JSON 4xx naming the
// problem, never another entity's data, never a 5xx.

const entities = [
  component('payments', { [ECR_ARN_ANNOTATION]: ARNS.payments }),
  component('huge', {
    [ECR_ARN_ANNOTATION]: `${ARNS.payments},${'x'.repeat(60_000)}`,
  }),
];
let api: LocalEcrApi;
let server: Awaited<ReturnType<typeof startEcrBackend>>;

beforeAll(async () => {
  api = await startFixtureApi();
  server = await startEcrBackend({ api, entities });
});
afterAll(() => api.stop());
beforeEach(() => api.resetRequestCounts());

/** A JSON error in Backstage's shape, small, with no stack and no ECR data. */
function expectSmallJsonError(
  res: request.Response,
  status: number,
  message: RegExp | string,
) {
  expect({ status: res.status, type: res.type }).toEqual({
    status,
    type: 'application/json',
  });
  expect(res.body.error.message).toEqual(
    typeof message === 'string' ? message : expect.stringMatching(message),
  );
  expect(res.text.length).toBeLessThan(2_000);
  expect(Object.keys(res.body).sort()).toEqual([
    'error',
    'request',
    'response',
  ]);
  expect(Object.keys(res.body.error).sort()).toEqual(['message', 'name']);
}

describe('entity refs are parsed by the catalog’s rules before any catalog call', () => {
  test.each([
    [
      '/entities/%2e%2e/by-uid/x/repositories',
      400,
      /^Invalid entity kind "\.\."/,
    ],
    ['/entities/../by-uid/x/repositories', 400, /^Invalid entity kind "\.\."/],
    [
      '/entities/component/%2e%2e/payments/repositories',
      400,
      /^Invalid entity namespace "\.\."/,
    ],
    [
      '/entities/component/default/%2e%2e/repositories',
      400,
      /^Invalid entity name "\.\."/,
    ],
    [
      '/entities/component/default/%2e/repositories',
      400,
      /^Invalid entity name "\."/,
    ],
    [
      '/entities/component/default/pay%2Fments/repositories',
      400,
      /^Invalid entity name "pay\/ments"/,
    ],
    [
      '/entities/component/default/pay%5Cments/repositories',
      400,
      /^Invalid entity name/,
    ],
    [
      '/entities/%2e%2e/%2e%2e/entities/repositories',
      400,
      /^Invalid entity kind/,
    ],
    [
      '/entities/component/default/payments%00/repositories',
      400,
      /^Invalid entity name/,
    ],
    [
      '/entities/component/Default/payments/repositories',
      400,
      /^Invalid entity namespace "Default"/,
    ],
    [
      `/entities/component/default/${'n'.repeat(64)}/repositories`,
      400,
      /^Invalid entity name/,
    ],
    ['/entities/component/default/pay%E0%A4%A/repositories', 400, /.+/],
    [
      '/entities/component/default/payments/../../entity-facets',
      404,
      /^No such route/,
    ],
    [
      '/entities/component/default/payments/entity-facets',
      404,
      /^No such route/,
    ],
    ['/entities/by-uid/x/repositories', 404, /^No such route/],
  ])('%s answers %i', async (path, status, message) => {
    const res = await get(server, path);
    expectSmallJsonError(res, status, message);
    expect(api.requestCount()).toBe(0);
  });

  it('serves the entity the path names, whatever the case of its kind', async () => {
    const res = await get(
      server,
      '/entities/Component/default/payments/repositories',
    );
    expect(res.status).toBe(200);
    expect(res.body.repositories.map((r: { arn: string }) => r.arn)).toEqual([
      ARNS.payments,
    ]);
  });
});

describe('inputs', () => {
  const images = (query: string) =>
    get(
      server,
      `/entities/component/default/payments/images?repository=${encodeURIComponent(ARNS.payments)}&${query}`,
    );

  test.each([
    ['page[]=2', 'Invalid page: must be given once, as a plain value'],
    ['page=1&page=2', 'Invalid page: must be given once, as a plain value'],
    [
      'page=0x10',
      'Invalid page: must be a whole number from 1 to 100000, written in digits',
    ],
    [
      'page=1e2',
      'Invalid page: must be a whole number from 1 to 100000, written in digits',
    ],
    ['page=0', 'Invalid page: must be a whole number from 1 to 100000'],
    ['pageSize=101', 'Invalid pageSize: must be a whole number from 1 to 100'],
    [
      'sort=name',
      'Invalid sort: must be one of pushedAt, lastPulledAt, size, tag',
    ],
    [
      'minSeverity=SEVERE',
      'Invalid minSeverity: must be one of CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, UNDEFINED',
    ],
    ['foo=1', 'Unknown query parameter "foo"'],
  ])(
    '%s is refused with a 400 naming the parameter',
    async (query, message) => {
      expectSmallJsonError(await images(query), 400, message);
    },
  );

  it('refuses a 5,000-character tag filter, repeating none of it', async () => {
    expectSmallJsonError(
      await images(`tag=${'t'.repeat(5_000)}`),
      400,
      'Invalid tag: must have at most 128 characters',
    );
  });

  it('checks the query of every route', async () => {
    expectSmallJsonError(
      await get(
        server,
        '/entities/component/default/payments/repositories?x=1',
      ),
      400,
      'Unknown query parameter "x"',
    );
    expectSmallJsonError(
      await get(
        server,
        `/entities/component/default/payments/findings?repository=${encodeURIComponent(ARNS.payments)}&digest=sha256:nope`,
      ),
      400,
      'Invalid digest: must be sha256: followed by 64 hex digits',
    );
  });

  it('answers unknown routes and wrong methods with JSON', async () => {
    expectSmallJsonError(
      await get(server, '/nope'),
      404,
      /^No such route under \/api\/ecr/,
    );
    const post = await request(server)
      .post('/api/ecr/entities/component/default/payments/images')
      .set('authorization', mockCredentials.user.header())
      .send({});
    expectSmallJsonError(post, 405, 'POST is not allowed on /images; use GET');
  });

  it('bounds an error that repeats a 60 KB annotation', async () => {
    const res = await get(
      server,
      '/entities/component/default/huge/repositories',
    );
    expectSmallJsonError(
      res,
      400,
      /Invalid aws\.amazon\.com\/amazon-ecr-arn annotation: "x{120}…" is not an ECR repository ARN/,
    );
  });

  it('refuses an ARN whose Region is not in its partition', async () => {
    const govInCommercial = ARNS.payments.replace(
      'arn:aws:',
      'arn:aws-us-gov:',
    );
    const res = await get(
      server,
      `/entities/component/default/payments/images?repository=${encodeURIComponent(govInCommercial)}`,
    );
    expectSmallJsonError(
      res,
      400,
      /Region eu-west-1 is in partition aws, so the ARN must start arn:aws:/,
    );
  });
});
