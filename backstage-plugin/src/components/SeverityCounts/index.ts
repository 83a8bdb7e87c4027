export { SeverityCounts } from './SeverityCounts';
