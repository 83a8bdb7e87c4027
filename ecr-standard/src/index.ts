export { EcrStandardError, throwIfViolations } from './EcrStandardError';
export type { StandardViolation } from './EcrStandardError';
export {
  REPOSITORY_NAME_PATTERN,
  suggestRepositoryName,
  validateRepositoryName,
} from './repositoryName';
