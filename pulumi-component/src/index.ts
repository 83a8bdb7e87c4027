export { Repository } from './Repository';
export type { RepositoryArgs, RepositoryDeletion } from './Repository';
export { PullThroughCache } from './PullThroughCache';
export type {
  PullThroughCacheArgs,
  PullThroughCacheCredentials,
  PullThroughCacheGrantArgs,
  PullThroughCacheRuleArgs,
} from './PullThroughCache';
export { Replication } from './Replication';
export type { ReplicationArgs, ReplicationRuleArgs } from './Replication';
export { RegistryScanning } from './RegistryScanning';
export type {
  RegistryScanningArgs,
  RegistryScanningRuleArgs,
} from './RegistryScanning';
export { Registry } from './Registry';
export type {
  RegistryArgs,
  RegistryContributionWithDependencies,
} from './Registry';
export type {
  CachedRepositoryArgs,
  CreationTemplateArgs,
} from './creationTemplate';
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
