export { Repository, RepositoryDeletion } from './Repository';
export type { RepositoryArgs } from './Repository';
export { PullThroughCache } from './PullThroughCache';
export type {
  PullThroughCacheArgs,
  PullThroughCacheCredentials,
  PullThroughCacheGrant,
  PullThroughCacheGrantArgs,
  PullThroughCacheRule,
  PullThroughCacheRuleArgs,
  PullThroughCacheSettings,
} from './PullThroughCache';
export { Replication } from './Replication';
export type {
  ReplicationArgs,
  ReplicationRule,
  ReplicationRuleArgs,
  ReplicationSettings,
} from './Replication';
export { RegistryScanning } from './RegistryScanning';
export type {
  RegistryScanningArgs,
  RegistryScanningRule,
  RegistryScanningRuleArgs,
  RegistryScanningSettings,
} from './RegistryScanning';
export { Registry } from './Registry';
export type {
  RegistryArgs,
  RegistryContributionWithDependencies,
} from './Registry';
export type {
  CachedRepositoryArgs,
  CachedRepositoryTemplate,
  CreationTemplateArgs,
  ReplicatedRepositoryTemplate,
  TemplateBaseArgs,
} from './creationTemplate';
export { toRepositoryLifecycleRule } from './schemaTypes';
export type {
  RepositoryLifecycleRule,
  RepositoryPolicyStatement,
  RegistryReference,
  ReplicationDestination,
} from './schemaTypes';
export {
  CATALOG_ARN_ANNOTATION,
  ENTITY_REF_TAG,
  EcrStandardError,
  EncryptionType,
  LifecycleActionType,
  LifecycleCountType,
  LifecycleStorageClass,
  LifecycleTagStatus,
  PolicyEffect,
  PullThroughCacheUpstream,
  ScanFrequency,
  ScanType,
} from '@ecr-kit/ecr-standard';
export type {
  LifecycleRule,
  PolicyStatement,
  RegistryIdentity,
} from '@ecr-kit/ecr-standard';
