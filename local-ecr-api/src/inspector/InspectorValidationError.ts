import { EcrApiError } from '../EcrApiError';

/** Inspector2 `ValidationExceptionReason`. */
export type ValidationExceptionReason =
  'CANNOT_PARSE' | 'FIELD_VALIDATION_FAILED' | 'OTHER';

/**
 * Inspector's `ValidationException`. The shape requires `reason` besides `message`; it goes
 * in the error's `fields`, which the server sends beside the message.
 */
export class InspectorValidationError extends EcrApiError {
  constructor(
    message: string,
    readonly reason: ValidationExceptionReason = 'FIELD_VALIDATION_FAILED',
  ) {
    super('ValidationException', message, 400, { reason });
  }

  /** The Smithy wording the server's own request validation uses, for one member. */
  static field(path: string, value: unknown, constraint: string) {
    const shown =
      value === undefined || value === null
        ? 'null'
        : `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;
    return new InspectorValidationError(
      `1 validation error detected: Value ${shown} at '${path}' failed to satisfy constraint: Member ${constraint}`,
    );
  }
}
