import { ECRClient } from '@aws-sdk/client-ecr';
import { Inspector2Client } from '@aws-sdk/client-inspector2';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import type { Config } from '@backstage/config';
import {
  DefaultAwsCredentialsManager,
  type AwsCredentialsManager,
} from '@backstage/integration-aws-node';
import { partitionOf } from '@ecr-kit/ecr-standard';
import {
  checkPartition,
  readAccountPartitions,
  type AccountPartitions,
} from './accountPartitions';
import { missingCredentials } from './errors';
import {
  DEFAULT_OPERATION_RATE,
  DEFAULT_RATE_LIMITS,
  createRateLimiter,
  type RateLimiter,
} from './rateLimits';
import { createRetryStrategy } from './retryStrategy';
import {
  DEFAULT_AWS_CLIENT_SETTINGS,
  readAwsClientSettings,
  type AwsClientSettings,
} from './settings';

/**
 * Where an AWS call goes: an account and Region (and the partition its ARN names).
 *
 * @public
 */
export interface AwsTarget {
  readonly accountId: string;
  readonly region: string;
  /** The partition of the ARN being served; default: the Region's. */
  readonly partition?: string;
}

/**
 * AWS clients per (account, Region), built once and reused.
 *
 * @public
 */
export interface AwsClients {
  ecr(target: AwsTarget): Promise<ECRClient>;
  tagging(target: AwsTarget): Promise<ResourceGroupsTaggingAPIClient>;
  /** Amazon Inspector, for enhanced scanning's findings aggregations. */
  inspector(target: AwsTarget): Promise<Inspector2Client>;
  /** AWS requests these clients have sent (each attempt counts), e.g. to pace background work. */
  requestsSent(): number;
}

/** What every client is built with. */
interface ClientOptions {
  region: string;
  credentials: unknown;
  retryStrategy: ReturnType<typeof createRetryStrategy>;
  requestHandler: {
    connectionTimeout: number;
    requestTimeout: number;
    throwOnRequestTimeout: boolean;
  };
  endpoint?: string;
}

/** A client whose middleware stack can take the rate-limit step. */
interface StackedClient {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: { commandName?: string },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: 'finalizeRequest'; name: string; priority: 'low' },
    ): void;
  };
}

/**
 * Waits for the (account, Region, operation) rate before each attempt: added to the
 * finalize step with low priority, it runs inside the SDK's retry middleware, so retries
 * are paced too.
 */
function rateLimited<T>(
  client: T,
  target: AwsTarget,
  limiter: RateLimiter,
  rates: Readonly<Record<string, number>>,
  onSend: () => void,
): T {
  (client as unknown as StackedClient).middlewareStack.add(
    (next, context) => async args => {
      const operation = (context.commandName ?? '').replace(/Command$/, '');
      await limiter.take(
        `${target.accountId}/${target.region}/${operation}`,
        rates[operation] ?? DEFAULT_OPERATION_RATE,
      );
      onSend();
      return next(args);
    },
    { step: 'finalizeRequest', name: 'ecrKitRateLimit', priority: 'low' },
  );
  return client;
}

/**
 * Builds {@link AwsClients}: credentials per account from `@backstage/integration-aws-node`
 * (a failed lookup becomes a 422 naming the config key and is not cached); a retry strategy
 * that keeps retrying throttled calls with backoff instead of draining a retry quota; a
 * client-side rate per (account, Region, operation); and a connect and a per-attempt request
 * timeout on every call — the SDK's HTTP handler only warns on `requestTimeout` unless told
 * to throw, so it is told to.
 *
 * @public
 */
export function createAwsClients(options: {
  credentialsManager: AwsCredentialsManager;
  settings?: Partial<AwsClientSettings>;
  partitions?: AccountPartitions;
}): AwsClients {
  const settings = { ...DEFAULT_AWS_CLIENT_SETTINGS, ...options.settings };
  const clients = new Map<string, Promise<unknown>>();
  const limiter = createRateLimiter();
  let sent = 0;
  const onSend = () => {
    sent += 1;
  };
  const rates = { ...DEFAULT_RATE_LIMITS, ...settings.rateLimits };
  const retryStrategy = createRetryStrategy({
    maxAttempts: settings.maxAttempts,
    maxThrottledAttempts: settings.maxThrottledAttempts,
  });

  async function clientOptions(target: AwsTarget): Promise<ClientOptions> {
    let sdkCredentialProvider;
    try {
      ({ sdkCredentialProvider } =
        await options.credentialsManager.getCredentialProvider({
          accountId: target.accountId,
        }));
    } catch {
      // The manager's message may carry an STS error; never pass it on.
      throw missingCredentials(target.accountId);
    }
    return {
      region: target.region,
      credentials: sdkCredentialProvider,
      retryStrategy,
      requestHandler: {
        connectionTimeout: settings.connectTimeoutMs,
        requestTimeout: settings.requestTimeoutMs,
        throwOnRequestTimeout: true,
      },
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    };
  }

  function client<T>(
    kind: string,
    target: AwsTarget,
    build: (config: ClientOptions) => T,
  ): Promise<T> {
    const partition = target.partition ?? partitionOf(target.region).id;
    if (options.partitions) {
      checkPartition(options.partitions, {
        accountId: target.accountId,
        partition,
      });
    }
    const key = `${kind}/${partition}/${target.accountId}/${target.region}`;
    let existing = clients.get(key) as Promise<T> | undefined;
    if (!existing) {
      existing = clientOptions(target).then(config =>
        rateLimited(build(config), target, limiter, rates, onSend),
      );
      // A failed credential lookup is not cached, so a fixed config takes effect.
      existing.catch(() => clients.delete(key));
      clients.set(key, existing);
    }
    return existing;
  }

  return {
    ecr: async target =>
      client('ecr', target, config => new ECRClient(config as never)),
    tagging: async target =>
      client(
        'tagging',
        target,
        config => new ResourceGroupsTaggingAPIClient(config as never),
      ),
    inspector: async target =>
      client(
        'inspector',
        target,
        config => new Inspector2Client(config as never),
      ),
    requestsSent: () => sent,
  };
}

/**
 * {@link createAwsClients} from app-config: `aws.*` credentials and partitions, `ecr.*` settings.
 *
 * @public
 */
export function awsClientsFromConfig(config: Config): AwsClients {
  return createAwsClients({
    credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
    settings: readAwsClientSettings(config),
    partitions: readAccountPartitions(config),
  });
}
