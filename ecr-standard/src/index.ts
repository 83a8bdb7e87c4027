export { EcrStandardError, throwIfViolations } from './EcrStandardError';
export type { StandardViolation } from './EcrStandardError';
export {
  REPOSITORY_NAME_PATTERN,
  suggestRepositoryName,
  validateRepositoryName,
} from './repositoryName';
export * from './awsIdentifiers';
export * from './defaults';
export * from './lifecycle';
export * from './policyDocuments';
export * from './pullThroughCache';
export * from './registryMerging';
export * from './replication';
export * from './repositorySettings';
export * from './repositoryOptions';
export * from './resourceTags';
export * from './scanning';
export * from './tagMutability';
export * from './repositoryDrift';
export * from './partitions';
export * from './principals';
export * from './registryHostParts';
export * from './rolePolicies';
export * from './compliance';
