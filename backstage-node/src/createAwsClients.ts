import { ECRClient } from '@aws-sdk/client-ecr';
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
  DEFAULT_AWS_CLIENT_SETTINGS,
  readAwsClientSettings,
  type AwsClientSettings,
} from './settings';

/** Where an AWS call goes: an account and Region (and the partition its ARN names). */
export interface AwsTarget {
  readonly accountId: string;
  readonly region: string;
  /** The partition of the ARN being served; default: the Region's. */
  readonly partition?: string;
}

/** AWS clients per (account, Region), built once and reused. */
export interface AwsClients {
  ecr(target: AwsTarget): Promise<ECRClient>;
  tagging(target: AwsTarget): Promise<ResourceGroupsTaggingAPIClient>;
}

/** The client constructor options every client shares. */
interface ClientOptions {
  region: string;
  credentials: unknown;
  retryMode: string;
  maxAttempts: number;
  requestHandler: {
    connectionTimeout: number;
    requestTimeout: number;
    throwOnRequestTimeout: boolean;
  };
  endpoint?: string;
}

/**
 * Builds {@link AwsClients}: credentials per account from `@backstage/integration-aws-node`
 * (a failed lookup becomes a 422 naming the config key and is not cached), the SDK's standard
 * retry, and a connect and a per-attempt request timeout on every call — the SDK's HTTP handler
 * only warns on `requestTimeout` unless told to throw, so it is told to.
 */
export function createAwsClients(options: {
  credentialsManager: AwsCredentialsManager;
  settings?: Partial<AwsClientSettings>;
  partitions?: AccountPartitions;
}): AwsClients {
  const settings = { ...DEFAULT_AWS_CLIENT_SETTINGS, ...options.settings };
  const clients = new Map<string, Promise<unknown>>();

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
      retryMode: 'standard',
      maxAttempts: settings.maxAttempts,
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
      existing = clientOptions(target).then(build);
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
  };
}

/** {@link createAwsClients} from app-config: `aws.*` credentials and partitions, `ecr.*` settings. */
export function awsClientsFromConfig(config: Config): AwsClients {
  return createAwsClients({
    credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
    settings: readAwsClientSettings(config),
    partitions: readAccountPartitions(config),
  });
}
