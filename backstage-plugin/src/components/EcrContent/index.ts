export { EcrContent } from './EcrContent';
