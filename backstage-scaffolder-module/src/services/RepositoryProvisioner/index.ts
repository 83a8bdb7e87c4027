export { createRepositoryProvisioner } from './createRepositoryProvisioner';
export type {
  ProvisionedRepository,
  RepositoryProvisioner,
  RepositoryRequest,
} from './types';
