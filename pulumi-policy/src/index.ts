export { ecrPolicies } from './policies';
export { ECR_TYPES, POLICY_NAMES } from './types';
export type { EcrPolicyOptions, ExceptionConfig } from './types';
