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
  FixtureError,
  loadFixture,
  parseFixture,
  readFixtureFile,
  type Fixture,
} from './fixture';
import { INSPECTOR_OPERATIONS } from './inspector';
import { checkShape, type ShapeViolation } from './model/checkShape';
import type { ServiceModel } from './model/ServiceModel';
import {
  ECR_MODEL,
  INSPECTOR2_MODEL,
  TAGGING_MODEL,
} from './model/serviceModels';
import { ECR_OPERATIONS, TAGGING_OPERATIONS } from './operations';
import { RegistryStore } from './Registry';
import { handleAdminRequest } from './server/adminRoutes';
import { BodyTooLarge, readBody, requestId, sendJson } from './server/httpIo';
import {
  SimulationError,
  createSimulation,
  type Simulation,
} from './simulation/simulate';
import {
  ecrViolation,
  smithyViolation,
  validateRequest,
  type ViolationError,
} from './validation/validateRequest';
import { Callers, type PrincipalSpec } from './world/Callers';
import type { OperationHandler, World } from './world/OperationContext';
import { Resources } from './world/Resources';
import { Upstreams } from './world/Upstreams';

interface Service {
  readonly model: ServiceModel;
  readonly operations: Readonly<Record<string, OperationHandler>>;
  readonly violation: ViolationError;
}

/** JSON 1.1 services, by `X-Amz-Target` prefix. */
const JSON_SERVICES: readonly [string, Service][] = [
  [
    'AmazonEC2ContainerRegistry_V20150921.',
    { model: ECR_MODEL, operations: ECR_OPERATIONS, violation: ecrViolation },
  ],
  [
    'ResourceGroupsTaggingAPI_20170126.',
    {
      model: TAGGING_MODEL,
      operations: TAGGING_OPERATIONS,
      violation: ecrViolation,
    },
  ],
];
const JSON_11 = 'application/x-amz-json-1.1';

/** Errors every AWS operation can return although no model lists them per operation. */
const COMMON_ERRORS = new Set([
  'AccessDeniedException',
  'ThrottlingException',
  'UnrecognizedClientException',
  'MissingAuthenticationTokenException',
  'SerializationException',
  'UnknownOperationException',
  'InternalServerException',
  'ServerException',
  'InvalidParameterException',
  'ValidationException',
]);

/**
 * Options of {@link startLocalEcrApi}.
 *
 * @public
 */
export interface LocalEcrApiOptions {
  /** TCP port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to bind; default 127.0.0.1. */
  readonly host?: string;
  /** Access key id → account id (merged over the fixture's `accounts`). */
  readonly accounts?: Readonly<Record<string, string>>;
  /** Access key id → IAM principal (merged over the fixture's `principals`). */
  readonly principals?: Readonly<Record<string, PrincipalSpec>>;
  /** Account of any access key not in `accounts`; when unset, unknown keys are refused. */
  readonly defaultAccountId?: string;
  /** Registries to seed: a fixture object or the path of a fixture JSON file. */
  readonly fixture?: Fixture | string;
  /** Seed of generated images and of fault-injection draws; default 1. */
  readonly seed?: number;
  /** Clock in epoch seconds, for deterministic timestamps. */
  readonly now?: () => number;
  /**
   * Check every response against the model's output shape and every error against the
   * operation's declared errors; findings are in `responseViolations()`. For fidelity tests.
   */
  readonly checkResponses?: boolean;
}

/**
 * A response that does not match the service model (with `checkResponses`).
 *
 * @public
 */
export interface ResponseViolation {
  readonly operation: string;
  readonly violations: readonly ShapeViolation[];
}

/**
 * A running local ECR API.
 *
 * @public
 */
export interface LocalEcrApi {
  /** Base URL to give the SDK as `endpoint`. */
  readonly url: string;
  readonly store: RegistryStore;
  /** Upstream registries, secrets and KMS keys the simulated AWS knows. */
  readonly world: World;
  /** Pulls through the cache and pushes, as `docker pull` / `docker push` would. */
  readonly simulate: Simulation;
  /** Add or clear injected faults (latency, throttling, access denied, 500s, black hole, reset). */
  readonly faults: FaultInjector;
  /** Requests received per operation (retries included); all operations when omitted. */
  requestCount(operation?: string): number;
  /** Requests received per operation. */
  requestCounts(): Record<string, number>;
  resetRequestCounts(): void;
  /** Responses that broke the model (only with `checkResponses`). */
  responseViolations(): ResponseViolation[];
  stop(): Promise<void>;
}

/**
 * Starts the local ECR API and resolves once it listens.
 *
 * @public
 */
export async function startLocalEcrApi(
  options: LocalEcrApiOptions = {},
): Promise<LocalEcrApi> {
  const world: World = {
    store: new RegistryStore(),
    upstreams: new Upstreams(),
    resources: new Resources(),
  };
  const counts = new Map<string, number>();
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const seed = options.seed ?? 1;
  const faults = new FaultInjector(seed);
  const callers = new Callers(options.defaultAccountId);
  const fixture =
    options.fixture === undefined
      ? undefined
      : typeof options.fixture === 'string'
        ? readFixtureFile(options.fixture)
        : parseFixture(options.fixture);
  if (fixture) {
    const seeded = loadFixture(world, fixture, { now: now(), seed });
    for (const [key, account] of Object.entries(seeded.accounts)) {
      callers.add(key, account);
    }
    for (const [key, principal] of Object.entries(seeded.principals)) {
      callers.add(key, principal);
    }
  }
  for (const [key, account] of Object.entries(options.accounts ?? {})) {
    callers.add(key, account);
  }
  for (const [key, principal] of Object.entries(options.principals ?? {})) {
    callers.add(key, principal);
  }
  const violations: ResponseViolation[] = [];
  const simulate = createSimulation(world, callers, now);
  playOut(simulate, fixture?.playOut ?? []);
  let responses = 0;

  function record(operation: string, found: readonly ShapeViolation[]) {
    if (options.checkResponses && found.length > 0) {
      violations.push({ operation, violations: found });
    }
  }

  function checkError(
    model: ServiceModel,
    operation: string,
    error: EcrApiError,
  ): void {
    const declared = model.operations[operation]?.errors ?? [];
    if (!declared.includes(error.type) && !COMMON_ERRORS.has(error.type)) {
      record(operation, [
        {
          path: '__type',
          kind: 'unknown',
          constraint: `${error.type} is not an error of ${operation}`,
        },
      ]);
    }
  }

  /** The operation a request names, and how to run it; undefined for an unknown one. */
  function route(req: IncomingMessage):
    | {
        operation: string;
        service: Service;
        rest: boolean;
      }
    | undefined {
    const target = req.headers['x-amz-target'];
    if (typeof target === 'string') {
      const found = JSON_SERVICES.find(([prefix]) => target.startsWith(prefix));
      if (!found) return undefined;
      return {
        operation: target.slice(found[0].length),
        service: found[1],
        rest: false,
      };
    }
    const path = (req.url ?? '').split('?')[0];
    const rest = Object.entries(INSPECTOR_OPERATIONS).find(
      ([, op]) => op.method === req.method && op.path === path,
    );
    if (!rest) return undefined;
    return {
      operation: rest[0],
      service: {
        model: INSPECTOR2_MODEL,
        operations: { [rest[0]]: rest[1].handler },
        violation: smithyViolation,
      },
      rest: true,
    };
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const id = requestId(seed, ++responses);
    const routed = route(req);
    const target = String(req.headers['x-amz-target'] ?? req.url ?? '');
    const operation = routed?.operation ?? target;
    counts.set(operation, (counts.get(operation) ?? 0) + 1);
    const rest = routed?.rest ?? !req.headers['x-amz-target'];
    const fail = (error: EcrApiError) => {
      const status =
        rest && routed
          ? (routed.service.model.shapes[error.type]?.status ??
            (error.type === 'AccessDeniedException' ? 403 : error.status))
          : error.status;
      const headers = {
        'x-amzn-RequestId': id,
        'x-amzn-errortype': error.type,
      };
      sendJson(
        res,
        status,
        rest
          ? { message: error.message, ...error.fields }
          : { __type: error.type, message: error.message, ...error.fields },
        headers,
        rest ? 'application/json' : JSON_11,
      );
    };
    try {
      if (!routed || req.method !== 'POST') {
        throw new EcrApiError(
          'UnknownOperationException',
          `Unknown operation ${target}`,
        );
      }
      const handler = routed.service.operations[operation];
      if (!handler) {
        throw new EcrApiError(
          'UnknownOperationException',
          `Unknown operation ${target}: local-ecr-api does not implement it`,
        );
      }
      const identity = parseCallerIdentity(req.headers.authorization);
      if (!identity) {
        throw new EcrApiError(
          'MissingAuthenticationTokenException',
          'Missing Authentication Token',
          403,
        );
      }
      const caller = callers.resolve(identity.accessKeyId, identity.region);
      const body = await readBody(req);
      let request: Record<string, unknown>;
      try {
        const parsed: unknown = body ? JSON.parse(body) : {};
        if (
          typeof parsed !== 'object' ||
          parsed === null ||
          Array.isArray(parsed)
        ) {
          throw new Error('not an object');
        }
        request = parsed as Record<string, unknown>;
      } catch {
        throw new EcrApiError(
          'SerializationException',
          'The request body is not a JSON object',
        );
      }
      const outcome = await faults.apply({
        operation,
        accountId: caller.accountId,
        repositoryName: request.repositoryName,
      });
      if (outcome === 'black-hole') return;
      if (outcome === 'reset') {
        req.socket.destroy();
        return;
      }
      validateRequest(
        routed.service.model,
        operation,
        request,
        routed.service.violation,
      );
      const registry = world.store.get(caller.accountId, caller.region);
      const result = handler(registry, request, {
        registry,
        caller,
        world,
        now: now(),
      });
      const output = routed.service.model.operations[operation]?.output;
      if (options.checkResponses && output) {
        record(
          operation,
          checkShape(routed.service.model, output, result ?? {}, 'output'),
        );
      }
      sendJson(
        res,
        200,
        result ?? {},
        { 'x-amzn-RequestId': id },
        rest ? 'application/json' : JSON_11,
      );
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        fail(
          new EcrApiError(
            'SerializationException',
            'The request body is too large',
          ),
        );
        return;
      }
      const apiError =
        error instanceof EcrApiError
          ? error
          : new EcrApiError(
              rest ? 'InternalServerException' : 'ServerException',
              `Internal error in local-ecr-api: ${(error as Error).message}`,
              500,
            );
      if (routed) checkError(routed.service.model, operation, apiError);
      fail(apiError);
    }
  }

  const server = createServer((req, res) => {
    const admin = (req.url ?? '').startsWith('/_local/');
    const work = admin
      ? handleAdminRequest(req, res, { world, simulate, faults })
      : handle(req, res);
    work.catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;

  return {
    url: `http://${address}:${port}`,
    store: world.store,
    world,
    simulate,
    faults,
    requestCount: operation =>
      operation === undefined
        ? [...counts.values()].reduce((a, b) => a + b, 0)
        : (counts.get(operation) ?? 0),
    requestCounts: () => Object.fromEntries(counts),
    resetRequestCounts: () => counts.clear(),
    responseViolations: () => [...violations],
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}

/** Runs a fixture's `playOut` steps; a step ECR refuses is a fixture error naming it. */
function playOut(
  simulate: Simulation,
  steps: ReturnType<typeof parseFixture>['playOut'],
): void {
  steps.forEach((step, index) => {
    try {
      if ('pull' in step) simulate.pull(step.pull);
      else simulate.push(step.push);
    } catch (error) {
      if (!(error instanceof SimulationError)) throw error;
      throw new FixtureError('(playOut)', [
        `playOut[${index}]: ${error.code}: ${error.message}`,
      ]);
    }
  });
}
