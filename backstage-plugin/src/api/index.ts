export { ecrApiRef } from './EcrApi';
export type { EcrApi, EcrFindingsRequest } from './EcrApi';
export { EcrClient } from './EcrClient';
