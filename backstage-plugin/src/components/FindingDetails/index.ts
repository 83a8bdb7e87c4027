export { FindingDetails } from './FindingDetails';
