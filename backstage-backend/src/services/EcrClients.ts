import { ECRClient } from '@aws-sdk/client-ecr';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { MissingAwsCredentialsError } from './awsErrors';

/** AWS clients per (account, region), built once and reused. */
export interface EcrClients {
  ecr(accountId: string, region: string): Promise<ECRClient>;
  tagging(
    accountId: string,
    region: string,
  ): Promise<ResourceGroupsTaggingAPIClient>;
}

/** Builds {@link EcrClients} with credentials from `@backstage/integration-aws-node`. */
export function createEcrClients(options: {
  credentialsManager: AwsCredentialsManager;
  endpoint?: string;
  maxAttempts?: number;
}): EcrClients {
  const ecrClients = new Map<string, Promise<ECRClient>>();
  const taggingClients = new Map<
    string,
    Promise<ResourceGroupsTaggingAPIClient>
  >();

  async function clientConfig(accountId: string, region: string) {
    let sdkCredentialProvider;
    try {
      ({ sdkCredentialProvider } =
        await options.credentialsManager.getCredentialProvider({ accountId }));
    } catch {
      // The manager's message may carry an STS error; never pass it on.
      throw new MissingAwsCredentialsError(accountId);
    }
    return {
      region,
      credentials: sdkCredentialProvider,
      retryMode: 'standard',
      maxAttempts: options.maxAttempts ?? 5,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    };
  }

  function cached<T>(
    map: Map<string, Promise<T>>,
    key: string,
    build: () => Promise<T>,
  ) {
    let client = map.get(key);
    if (!client) {
      client = build();
      // A failed credential lookup is not cached, so a fixed config takes effect.
      client.catch(() => map.delete(key));
      map.set(key, client);
    }
    return client;
  }

  return {
    ecr: (accountId, region) =>
      cached(
        ecrClients,
        `${accountId}/${region}`,
        async () => new ECRClient(await clientConfig(accountId, region)),
      ),
    tagging: (accountId, region) =>
      cached(
        taggingClients,
        `${accountId}/${region}`,
        async () =>
          new ResourceGroupsTaggingAPIClient(
            await clientConfig(accountId, region),
          ),
      ),
  };
}
