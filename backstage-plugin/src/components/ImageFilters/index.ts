export { ImageFilters } from './ImageFilters';
export type { ImageFilterValue } from './ImageFilters';
