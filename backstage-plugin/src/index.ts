/**
 * Backstage frontend plugin for Amazon ECR: an entity tab with a service's repositories,
 * images, scan status and findings, and an overview card.
 *
 * The default export is the plugin for the new frontend system; the named `ecrPlugin`,
 * `EntityEcrContent` and `EntityEcrCard` are for apps on the legacy frontend system.
 *
 * @packageDocumentation
 */
export { ecrFrontendPlugin as default } from './frontendPlugin';
export { EntityEcrCard, EntityEcrContent, ecrPlugin } from './legacyPlugin';
export { EcrClient, ecrApiRef } from './api';
export type { EcrApi, EcrFindingsRequest } from './api';
export {
  ECR_ARN_ANNOTATION,
  ECR_TAGS_ANNOTATION,
  isEcrAvailable,
} from '@ecr-kit/backstage-plugin-ecr-common';
