import { EcrApiError } from '../EcrApiError';

/**
 * ECR refuses every bad policy text the same way, with the reason inside a fixed frame;
 * callers match on that frame, so it lives in one place.
 */
export function lifecyclePolicyError(reason: string): EcrApiError {
  return new EcrApiError(
    'InvalidParameterException',
    `Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: ${reason}'`,
  );
}

/** Throws the policy error for `message`, naming where in the policy it applies and why. */
export function failAt(message: string, path = '', reason?: string): never {
  const where = path ? ` at ${path}` : '';
  const why = reason ? ` (${reason})` : '';
  throw lifecyclePolicyError(`${message}${where}${why}`);
}
