export { EcrCard } from './EcrCard';
