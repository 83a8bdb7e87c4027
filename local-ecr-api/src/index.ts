export { startLocalEcrApi } from './startLocalEcrApi';
export type { LocalEcrApi, LocalEcrApiOptions } from './startLocalEcrApi';
export { EcrApiError } from './EcrApiError';
export { FaultInjector } from './FaultInjector';
export type { FaultRule } from './FaultInjector';
export {
  FixtureError,
  fixtureSchema,
  parseFixture,
  readFixtureFile,
} from './fixture';
export type { Fixture } from './fixture';
export { generateImages } from './generateImages';
export type { GenerateImagesOptions } from './generateImages';
export { MEDIA_TYPES } from './mediaTypes';
export { Registry, RegistryStore } from './Registry';
export type * from './model';
export { runCli } from './cli';
export {
  BASIC_SEVERITIES,
  ENCRYPTION_TYPES,
  REPOSITORY_CREATORS,
  SCAN_FREQUENCIES,
  TAG_MUTABILITIES,
} from './model';
