export { startLocalEcrApi } from './startLocalEcrApi';
export type {
  LocalEcrApi,
  LocalEcrApiOptions,
  ResponseViolation,
} from './startLocalEcrApi';
export type { World } from './world/OperationContext';
export type { PrincipalSpec } from './world/Callers';
export type { Resources, SecretRecord } from './world/Resources';
export type { Upstreams } from './world/Upstreams';
export type { RepositoryShape } from './repositoryOperations';
export type {
  Actor,
  PullRequest,
  PullResult,
  PushRequest,
  PushResult,
  Simulation,
} from './simulation/simulate';
export type { ShapeViolation } from './model/checkShape';
export { EcrApiError } from './EcrApiError';
export { FaultInjector } from './FaultInjector';
export type { FaultOutcome, FaultRule } from './FaultInjector';
export {
  FixtureError,
  fixtureSchema,
  parseFixture,
  readFixtureFile,
} from './fixture';
export type { Fixture } from './fixture';
export {
  hardenedRepositoryFixture,
  untaggedExpiryRule,
} from './fixtureBuilders';
export type {
  FixtureRepository,
  HardenedRepositoryFixtureOptions,
  UntaggedExpiryRuleOptions,
} from './fixtureBuilders';
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
