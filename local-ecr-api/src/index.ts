export { startLocalEcrApi } from './startLocalEcrApi';
export type { LocalEcrApi, LocalEcrApiOptions } from './startLocalEcrApi';
export { EcrApiError } from './EcrApiError';
export { Registry, RegistryStore } from './Registry';
export type { RepositoryRecord } from './Registry';
