export { EmptyRepository } from './EmptyRepository';
