export { RepositoryHeader } from './RepositoryHeader';
