export { validatePolicyDocument } from './validatePolicyDocument';
export { isAllowedByPolicy } from './evaluatePolicy';
export type {
  ConditionValue,
  OneOrMany,
  PolicyCondition,
  PolicyDecision,
  PolicyDocument,
  PolicyKind,
  PolicyPrincipal,
  PolicyRequest,
  PolicyStatement,
  RegistryPolicyScope,
  ValidatePolicyOptions,
} from './types';
