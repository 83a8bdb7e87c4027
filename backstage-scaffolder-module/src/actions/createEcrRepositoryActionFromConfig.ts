import type { Config } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { createEcrClients } from '../services/EcrClients';
import { createRepositoryProvisioner } from '../services/RepositoryProvisioner';
import { createEcrRepositoryAction } from './createEcrRepositoryAction';

/**
 * Builds the `ecr:repository:create` action from app-config: credentials from `aws.*`,
 * the optional endpoint override and retry count from `ecr.*`.
 */
export function createEcrRepositoryActionFromConfig(config: Config) {
  const ecrConfig = config.getOptionalConfig('ecr');
  const clients = createEcrClients({
    credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
    endpoint: ecrConfig?.getOptionalString('endpoint'),
    maxAttempts: ecrConfig?.getOptionalNumber('maxAttempts'),
  });
  return createEcrRepositoryAction({
    provisioner: createRepositoryProvisioner({ clients }),
  });
}
