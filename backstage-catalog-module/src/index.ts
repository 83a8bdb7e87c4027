/**
 * Backstage catalog module with the ECR entity provider: every Amazon ECR repository of the
 * configured accounts and Regions as a `Resource` entity of type `ecr-repository`.
 *
 * @packageDocumentation
 */
export { catalogModuleEcrEntityProvider as default } from './module';
export {
  ECR_ENTITY_PROVIDER_NAME,
  EcrEntityProvider,
} from './provider/EcrEntityProvider';
export type { EcrDiscoveryResult } from './provider/EcrEntityProvider';
export {
  DEFAULT_OWNER,
  DEFAULT_TAG_KEYS,
  readProviderSettings,
} from './provider/settings';
export type {
  DiscoveryTarget,
  EcrEntityProviderSettings,
  RepositoryTagKeys,
} from './provider/settings';
