import { ECRClient } from '@aws-sdk/client-ecr';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { MissingAwsCredentialsError } from './awsErrors';

/** ECR clients per (account, region), with that account's credentials. */
export interface EcrClients {
  ecr(accountId: string, region: string): Promise<ECRClient>;
}

/** Builds {@link EcrClients} with credentials from `@backstage/integration-aws-node`. */
export function createEcrClients(options: {
  credentialsManager: AwsCredentialsManager;
  endpoint?: string;
  maxAttempts?: number;
}): EcrClients {
  const clients = new Map<string, Promise<ECRClient>>();

  async function build(accountId: string, region: string) {
    let sdkCredentialProvider;
    try {
      ({ sdkCredentialProvider } =
        await options.credentialsManager.getCredentialProvider({ accountId }));
    } catch {
      // The manager's message may carry an STS error; never pass it on.
      throw new MissingAwsCredentialsError(accountId);
    }
    return new ECRClient({
      region,
      credentials: sdkCredentialProvider,
      retryMode: 'standard',
      maxAttempts: options.maxAttempts ?? 5,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    });
  }

  return {
    ecr(accountId, region) {
      const key = `${accountId}/${region}`;
      let client = clients.get(key);
      if (!client) {
        client = build(accountId, region);
        // A failed credential lookup is not cached, so a fixed config takes effect.
        client.catch(() => clients.delete(key));
        clients.set(key, client);
      }
      return client;
    },
  };
}
