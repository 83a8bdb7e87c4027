export { Repository } from './Repository';
export type { RepositoryArgs } from './Repository';
export { PullThroughCache } from './PullThroughCache';
export type {
  PullThroughCacheArgs,
  PullThroughCacheCredentials,
  PullThroughCacheRuleArgs,
} from './PullThroughCache';
export { Replication } from './Replication';
export type {
  ReplicationArgs,
  ReplicationDestinationArgs,
  ReplicationRuleArgs,
} from './Replication';
export { RegistryScanning } from './RegistryScanning';
export type {
  RegistryScanningArgs,
  RegistryScanningRuleArgs,
} from './RegistryScanning';
export { Registry } from './Registry';
export type { RegistryArgs } from './Registry';
export type {
  RegistryContributor,
  TargetedContribution,
} from './RegistryContributor';
export type { CreationTemplateArgs } from './creationTemplate';
export {
  CATALOG_ARN_ANNOTATION,
  ENTITY_REF_TAG,
  EcrStandardError,
} from '@ecr-kit/ecr-standard';
export type {
  LifecycleRule,
  PolicyStatement,
  RegistryIdentity,
} from '@ecr-kit/ecr-standard';
