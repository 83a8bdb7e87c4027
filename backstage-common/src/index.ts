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
  formatRepositoryArn,
  parseRepositoryArn,
} from './repositoryArn';
export type { RepositoryArn } from './repositoryArn';
export { ecrConsoleLinks, ecrRepositoryUri } from './consoleLinks';
export type { EcrConsoleLinks } from './consoleLinks';
export {
  InvalidEcrAnnotationError,
  parseEcrArnAnnotation,
  parseEcrTagsAnnotation,
} from './parseAnnotations';
export type { RepositoryTagFilter } from './parseAnnotations';
export {
  ARTIFACT_KINDS,
  IMAGE_SORT_FIELDS,
  SEVERITIES,
  TAG_STATUSES,
} from './types';
export type * from './types';
export { ecrPermissions, ecrReadPermission } from './permissions';
