export type { EcrPrewarmResult, EcrService } from './types';
export type { EcrServiceLimits, TagLookupTarget } from './createEcrService';
export {
  DEFAULT_ECR_SERVICE_LIMITS,
  createEcrService,
} from './createEcrService';
export { ecrServiceFromConfig } from './ecrServiceFromConfig';
export { ecrServiceRef } from './ecrServiceRef';
