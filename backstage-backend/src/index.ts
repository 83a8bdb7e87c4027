/**
 * The ecr-kit ECR backend plugin: an entity-scoped API for a service's Amazon ECR
 * repositories, images, scan status and findings.
 *
 * @packageDocumentation
 */
export { ecrPlugin as default } from './plugin';
export { ecrServiceRef } from './services/EcrService';
export type { EcrPrewarmResult, EcrService } from './services/EcrService';
