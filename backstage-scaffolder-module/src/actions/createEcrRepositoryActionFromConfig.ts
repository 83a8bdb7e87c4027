import type { RootConfigService } from '@backstage/backend-plugin-api';
import { awsClientsFromConfig } from '@ecr-kit/backstage-plugin-ecr-node';
import { createRepositoryProvisioner } from '../services/RepositoryProvisioner';
import { createEcrRepositoryAction } from './createEcrRepositoryAction';

/**
 * Builds the `ecr:repository:create` action from app-config: credentials and partitions
 * from `aws.*`, endpoint, retry and timeouts from `ecr.*` (shared with the backend plugin).
 */
export function createEcrRepositoryActionFromConfig(config: RootConfigService) {
  return createEcrRepositoryAction({
    provisioner: createRepositoryProvisioner({
      clients: awsClientsFromConfig(config),
    }),
  });
}
