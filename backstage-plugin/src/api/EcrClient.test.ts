/**
 * @jest-environment node
 */
import { ResponseError } from '@backstage/errors';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EcrClient } from './EcrClient';

// The client against a real HTTP server: what goes over the wire is what is asserted.
describe('EcrClient', () => {
  let server: Server;
  let baseUrl: string;
  let requests: { url: string; authorization?: string }[];
  let reply: (req: IncomingMessage) => { status: number; body: unknown };

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push({
        url: req.url!,
        authorization: req.headers.authorization,
      });
      const { status, body } = reply(req);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}/api/ecr`;
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  beforeEach(() => {
    requests = [];
    reply = () => ({ status: 200, body: { ok: true } });
  });

  const entity = { kind: 'Component', namespace: 'default', name: 'pay ments' };

  function createClient() {
    return new EcrClient({
      discoveryApi: { getBaseUrl: async pluginId => `${baseUrl}#${pluginId}` },
      fetchApi: {
        // The app's fetchApi adds the user's token; the client never builds headers itself.
        fetch: (input, init) =>
          fetch(String(input).replace('#ecr', ''), {
            ...init,
            headers: { authorization: 'Bearer user-token' },
          }),
      },
    });
  }

  it('asks discovery for the ecr plugin and lists the entity repositories', async () => {
    const body = { repositories: [], errors: [], freshness: {} };
    reply = () => ({ status: 200, body });

    await expect(createClient().getRepositories(entity)).resolves.toEqual(body);
    expect(requests).toEqual([
      {
        url: '/api/ecr/entities/Component/default/pay%20ments/repositories',
        authorization: 'Bearer user-token',
      },
    ]);
  });

  it('sends paging, sorting and filters as query parameters', async () => {
    const filters = {
      sort: 'size',
      order: 'asc',
      tag: 'v1',
      tagStatus: 'TAGGED',
      minSeverity: 'HIGH',
      kind: 'helm-chart',
    } as const;
    await createClient().getImages(
      entity,
      'arn:aws:ecr:eu-west-1:111122223333:repository/a/b',
      { page: 2, pageSize: 50, ...filters },
    );
    const url = new URL(requests[0].url, 'http://x');
    expect(url.pathname).toBe(
      '/api/ecr/entities/Component/default/pay%20ments/images',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      repository: 'arn:aws:ecr:eu-west-1:111122223333:repository/a/b',
      page: '2',
      pageSize: '50',
      // String filters are sent as they are.
      ...filters,
    });
  });

  it('leaves out unset and empty filters', async () => {
    await createClient().getImages(entity, 'arn:repo', { tag: '' });
    expect(requests[0].url).toBe(
      '/api/ecr/entities/Component/default/pay%20ments/images?repository=arn%3Arepo',
    );
  });

  it('requests findings with severity and fixable filters', async () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    await createClient().getFindings(entity, {
      repositoryArn: 'arn:repo',
      digest,
      minSeverity: 'CRITICAL',
      fixableOnly: true,
    });
    await createClient().getFindings(entity, {
      repositoryArn: 'arn:repo',
      digest,
    });
    const [filtered, all] = requests.map(r =>
      Object.fromEntries(new URL(r.url, 'http://x').searchParams),
    );
    expect(filtered).toEqual({
      repository: 'arn:repo',
      digest,
      minSeverity: 'CRITICAL',
      fixable: 'true',
    });
    expect(all).toEqual({ repository: 'arn:repo', digest });
  });

  it('turns Backstage error responses into a ResponseError with the backend message', async () => {
    reply = () => ({
      status: 400,
      body: {
        error: {
          name: 'InputError',
          message: 'Invalid pageSize: Number must be less than or equal to 100',
        },
        response: { statusCode: 400 },
      },
    });

    const error = await createClient()
      .getImages(entity, 'arn:repo', { pageSize: 500 })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.body.error.message).toBe(
      'Invalid pageSize: Number must be less than or equal to 100',
    );
  });
});
