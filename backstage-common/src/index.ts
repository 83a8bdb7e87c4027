/**
 * Types, annotation names and helpers shared by the ecr-kit Backstage ECR plugins.
 *
 * @packageDocumentation
 */
export {
  ECR_ARN_ANNOTATION,
  ECR_TAGS_ANNOTATION,
  isEcrAvailable,
} from './annotations';
export {
  InvalidRepositoryArnError,
  formatRepositoryArn,
  parseRepositoryArn,
} from './repositoryArn';
export type { RepositoryArn } from './repositoryArn';
export {
  InvalidEcrAnnotationError,
  parseEcrArnAnnotation,
  parseEcrTagsAnnotation,
} from './parseAnnotations';
export type { RepositoryTagFilter } from './parseAnnotations';
export { SEVERITIES } from './types';
export type * from './types';
export { ecrPermissions, ecrReadPermission } from './permissions';
