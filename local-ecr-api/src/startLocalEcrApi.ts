import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseCallerIdentity } from './callerIdentity';
import { EcrApiError } from './EcrApiError';
import { FaultInjector } from './FaultInjector';
import {
  loadFixture,
  parseFixture,
  readFixtureFile,
  type Fixture,
} from './fixture';
import {
  ECR_OPERATIONS,
  TAGGING_OPERATIONS,
  type OperationHandler,
} from './operations';
import { RegistryStore } from './Registry';

const SERVICES: readonly [
  string,
  Readonly<Record<string, OperationHandler>>,
][] = [
  ['AmazonEC2ContainerRegistry_V20150921.', ECR_OPERATIONS],
  ['ResourceGroupsTaggingAPI_20170126.', TAGGING_OPERATIONS],
];
const JSON_11 = 'application/x-amz-json-1.1';

/** Options of {@link startLocalEcrApi}. */
export interface LocalEcrApiOptions {
  /** TCP port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to bind; default 127.0.0.1. */
  readonly host?: string;
  /** Access key id → account id (merged over the fixture's `accounts`). */
  readonly accounts?: Readonly<Record<string, string>>;
  /** Account of any access key not in `accounts`; when unset, unknown keys are refused. */
  readonly defaultAccountId?: string;
  /** Registries to seed: a fixture object or the path of a fixture JSON file. */
  readonly fixture?: Fixture | string;
  /** Seed of generated images and of fault-injection draws; default 1. */
  readonly seed?: number;
  /** Clock in epoch seconds, for deterministic timestamps. */
  readonly now?: () => number;
}

/** A running local ECR API. */
export interface LocalEcrApi {
  /** Base URL to give the SDK as `endpoint`. */
  readonly url: string;
  readonly store: RegistryStore;
  /** Add or clear injected faults (latency, throttling, access denied, 500s). */
  readonly faults: FaultInjector;
  /** Requests received per operation (retries included); all operations when omitted. */
  requestCount(operation?: string): number;
  /** Requests received per operation. */
  requestCounts(): Record<string, number>;
  resetRequestCounts(): void;
  stop(): Promise<void>;
}

/** Starts the local ECR API and resolves once it listens. */
export async function startLocalEcrApi(
  options: LocalEcrApiOptions = {},
): Promise<LocalEcrApi> {
  const store = new RegistryStore();
  const counts = new Map<string, number>();
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const seed = options.seed ?? 1;
  const faults = new FaultInjector(seed);
  let accounts: Record<string, string> = {};
  if (options.fixture !== undefined) {
    const fixture =
      typeof options.fixture === 'string'
        ? readFixtureFile(options.fixture)
        : parseFixture(options.fixture);
    accounts = loadFixture(store, fixture, { now: now(), seed });
  }
  accounts = { ...accounts, ...options.accounts };

  function resolveAccount(accessKeyId: string): string {
    const account = accounts[accessKeyId] ?? options.defaultAccountId;
    if (!account) {
      throw new EcrApiError(
        'UnrecognizedClientException',
        'The security token included in the request is invalid.',
        403,
      );
    }
    return account;
  }

  async function handle(req: IncomingMessage): Promise<unknown> {
    const target = String(req.headers['x-amz-target'] ?? '');
    const service = SERVICES.find(([prefix]) => target.startsWith(prefix));
    const operation = service ? target.slice(service[0].length) : target;
    counts.set(operation, (counts.get(operation) ?? 0) + 1);
    const handler = service?.[1][operation];
    if (req.method !== 'POST' || !handler) {
      throw new EcrApiError(
        'UnknownOperationException',
        `Unknown operation ${target}`,
      );
    }
    const caller = parseCallerIdentity(req.headers.authorization);
    if (!caller) {
      throw new EcrApiError(
        'MissingAuthenticationTokenException',
        'Missing Authentication Token',
        403,
      );
    }
    const accountId = resolveAccount(caller.accessKeyId);
    const body = await readBody(req);
    let request: Record<string, unknown>;
    try {
      request = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    } catch {
      throw new EcrApiError(
        'SerializationException',
        'Request body is not valid JSON',
      );
    }
    await faults.apply({
      operation,
      accountId,
      repositoryName: request.repositoryName,
    });
    return handler(store.get(accountId, caller.region), request, now());
  }

  const server = createServer((req, res) => {
    handle(req).then(
      result => send(res, 200, result),
      (error: unknown) => {
        const apiError =
          error instanceof EcrApiError
            ? error
            : new EcrApiError('ServerException', 'Internal error', 500);
        send(
          res,
          apiError.status,
          { __type: apiError.type, message: apiError.message },
          apiError.type,
        );
      },
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;

  return {
    url: `http://${address}:${port}`,
    store,
    faults,
    requestCount: operation =>
      operation === undefined
        ? [...counts.values()].reduce((a, b) => a + b, 0)
        : (counts.get(operation) ?? 0),
    requestCounts: () => Object.fromEntries(counts),
    resetRequestCounts: () => counts.clear(),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  errorType?: string,
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': JSON_11,
    'content-length': Buffer.byteLength(text),
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  res.end(text);
}
