import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseCallerIdentity } from './callerIdentity';
import { EcrApiError } from './EcrApiError';
import { RegistryStore, type Registry } from './Registry';
import {
  createRepository,
  deleteRepository,
  describeRepositories,
} from './repositoryOperations';

const TARGET_PREFIX = 'AmazonEC2ContainerRegistry_V20150921.';
const JSON_11 = 'application/x-amz-json-1.1';

/** Options of {@link startLocalEcrApi}. */
export interface LocalEcrApiOptions {
  /** TCP port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to bind; default 127.0.0.1. */
  readonly host?: string;
  /** Access key id → account id. Callers with an unknown key get UnrecognizedClientException. */
  readonly accounts?: Readonly<Record<string, string>>;
  /** Account of any access key not in `accounts`; when unset, unknown keys are refused. */
  readonly defaultAccountId?: string;
  /** Clock in epoch seconds, for deterministic timestamps. */
  readonly now?: () => number;
}

/** A running local ECR API. */
export interface LocalEcrApi {
  /** Base URL to give the SDK as `endpoint`. */
  readonly url: string;
  readonly store: RegistryStore;
  /** Requests received per operation, retries included. */
  requestCount(operation?: string): number;
  resetRequestCounts(): void;
  stop(): Promise<void>;
}

type Handler = (
  registry: Registry,
  request: Record<string, unknown>,
  now: number,
) => unknown;

const OPERATIONS: Record<string, Handler> = {
  CreateRepository: createRepository,
  DescribeRepositories: describeRepositories,
  DeleteRepository: deleteRepository,
};

/** Starts the local ECR API and resolves once it listens. */
export async function startLocalEcrApi(
  options: LocalEcrApiOptions = {},
): Promise<LocalEcrApi> {
  const store = new RegistryStore();
  const counts = new Map<string, number>();
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));

  function resolveAccount(accessKeyId: string): string {
    const account = options.accounts?.[accessKeyId] ?? options.defaultAccountId;
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
    const operation = target.startsWith(TARGET_PREFIX)
      ? target.slice(TARGET_PREFIX.length)
      : '';
    counts.set(operation, (counts.get(operation) ?? 0) + 1);
    const handler = OPERATIONS[operation];
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
    const registry = store.get(
      resolveAccount(caller.accessKeyId),
      caller.region,
    );
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
    return handler(registry, request, now());
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
    requestCount: operation =>
      operation === undefined
        ? [...counts.values()].reduce((a, b) => a + b, 0)
        : (counts.get(operation) ?? 0),
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
