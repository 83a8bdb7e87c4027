import { InspectorValidationError } from './InspectorValidationError';

/**
 * The member of the `aggregationRequest` union that `aggregationType` calls for, or `{}` when
 * the request has none. A union must carry exactly one member, and it must be the one that
 * matches the aggregation type.
 */
export function readAggregationRequest(
  value: unknown,
  aggregationType: string,
  member: string,
): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw InspectorValidationError.field(
      'aggregationRequest',
      value,
      'must be of type structure',
    );
  }
  const present = Object.entries(value).filter(
    ([, v]) => v !== undefined && v !== null,
  );
  if (present.length !== 1) {
    throw new InspectorValidationError(
      `aggregationRequest must have exactly one member set (${member} for aggregationType ${aggregationType}); it has ${present.length}.`,
    );
  }
  const [[name, body]] = present;
  if (name !== member) {
    throw new InspectorValidationError(
      `aggregationRequest.${name} does not match aggregationType ${aggregationType}; use aggregationRequest.${member}.`,
    );
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw InspectorValidationError.field(
      `aggregationRequest.${member}`,
      body,
      'must be of type structure',
    );
  }
  return body as Record<string, unknown>;
}

/** An enum member of the aggregation request, or `fallback` when absent. */
export function readEnum<T extends string>(
  value: unknown,
  path: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined || value === null) return fallback;
  if (!allowed.includes(value as T)) {
    throw InspectorValidationError.field(
      path,
      value,
      `must satisfy enum value set: [${allowed.join(', ')}]`,
    );
  }
  return value as T;
}
