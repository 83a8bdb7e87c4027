export { RepositoryErrors } from './RepositoryErrors';
