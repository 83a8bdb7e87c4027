/**
 * Types, annotation names and helpers shared by the ecr-kit Backstage ECR plugins.
 *
 * @packageDocumentation
 */
export {
  ECR_ARN_ANNOTATION,
  ECR_REPOSITORY_LABELS,
  ECR_REPOSITORY_RESOURCE_TYPE,
  ECR_REPOSITORY_URI_ANNOTATION,
  ECR_TAGS_ANNOTATION,
  isEcrAvailable,
} from './annotations';
export {
  InvalidRepositoryArnError,
  MAX_REPOSITORY_ARN_LENGTH,
  formatRepositoryArn,
  parseRepositoryArn,
} from './repositoryArn';
export type { RepositoryArn } from './repositoryArn';
export {
  ecrConsoleLinks,
  ecrRegistryHost,
  ecrRepositoryUri,
} from './consoleLinks';
export type { EcrConsoleLinks } from './consoleLinks';
export {
  InvalidEcrAnnotationError,
  parseEcrArnAnnotation,
  parseEcrTagsAnnotation,
} from './parseAnnotations';
export type { RepositoryTagFilter } from './parseAnnotations';
export {
  ARTIFACT_KINDS,
  IMAGES_QUERY_DEFAULTS,
  IMAGE_SORT_FIELDS,
  IMAGE_STATUSES,
  MAX_TAG_SEARCH_LENGTH,
  REPOSITORY_ENCRYPTION_TYPES,
  REPOSITORY_SCAN_TYPES,
  SEVERITIES,
  SORT_ORDERS,
  TAG_MUTABILITY_MODES,
  TAG_STATUSES,
} from './types';
export { IMAGE_DIGEST_PATTERN } from './imageDigest';
export type * from './types';
export { ecrPermissions, ecrReadPermission } from './permissions';
