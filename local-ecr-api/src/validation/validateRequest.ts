import { EcrApiError } from '../EcrApiError';
import { checkShape, type ShapeViolation } from '../model/checkShape';
import type { ServiceModel } from '../model/ServiceModel';

/** How a service words a request that breaks its model. */
export type ViolationError = (violation: ShapeViolation) => EcrApiError;

/**
 * ECR's own wording: `Invalid parameter at 'repositoryName' failed to satisfy constraint:
 * 'must satisfy regular expression '…''` (seen in ECR responses quoted in many public issues,
 * e.g. jenkins-x/jx#1344, aws/aws-dotnet-deploy#549 for the length form). A wrong JSON type
 * is a SerializationException, as in every JSON 1.1 service. ECR reports one violation.
 */
export const ecrViolation: ViolationError = violation =>
  violation.kind === 'type'
    ? new EcrApiError(
        'SerializationException',
        `Value at '${violation.path}' ${violation.constraint}`,
      )
    : new EcrApiError(
        'InvalidParameterException',
        `Invalid parameter at '${violation.path}' failed to satisfy constraint: '${violation.constraint}'`,
      );

/**
 * Smithy services built on the newer frameworks (Inspector2) answer
 * `ValidationException` with the classic "1 validation error detected" message.
 */
export const smithyViolation: ViolationError = violation =>
  new EcrApiError(
    'ValidationException',
    `1 validation error detected: Value at '${violation.path}' failed to satisfy constraint: Member ${violation.constraint}`,
  );

/** Throws the service's error for the first way `request` breaks `operation`'s input shape. */
export function validateRequest(
  model: ServiceModel,
  operation: string,
  request: Record<string, unknown>,
  toError: ViolationError,
): void {
  const input = model.operations[operation]?.input;
  if (!input) return;
  const [first] = checkShape(model, input, request, 'input');
  if (first) throw toError(first);
}
