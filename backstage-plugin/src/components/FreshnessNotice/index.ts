export { FreshnessNotice } from './FreshnessNotice';
