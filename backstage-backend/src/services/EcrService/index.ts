export { createEcrService } from './createEcrService';
export type { TagLookupTarget } from './createEcrService';
export type { EcrService } from './types';
