import type { LoggerService } from '@backstage/backend-plugin-api';
import { CustomErrorBase, isError } from '@backstage/errors';
import type { ErrorRequestHandler } from 'express';
import { bounded } from './bounded';

/** A route exists but not for this HTTP method (answered 405). */
export class MethodNotAllowedError extends CustomErrorBase {
  override name = 'MethodNotAllowedError' as const;
  readonly statusCode = 405;
}

/** Status codes of the `@backstage/errors` errors, as Backstage's own handler maps them. */
const STATUS_BY_NAME: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  NotImplementedError: 501,
  ServiceUnavailableError: 503,
};

function statusOf(error: unknown): number {
  for (const field of ['statusCode', 'status'] as const) {
    const value = (error as Record<string, unknown>)?.[field];
    if (
      Number.isInteger(value) &&
      (value as number) >= 400 &&
      (value as number) <= 599
    ) {
      return value as number;
    }
  }
  return (isError(error) && STATUS_BY_NAME[error.name]) || 500;
}

/**
 * Every error under /api/ecr answers JSON in Backstage's error body shape (so the frontend's
 * `ResponseError` reads it), bounded in size: the message and URL are cut short, no cause,
 * no stack. An unexpected error answers a plain 500 and is logged.
 */
export function createErrorHandler(logger: LoggerService): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const statusCode = statusOf(error);
    const known =
      statusCode < 500 ||
      error instanceof CustomErrorBase ||
      STATUS_BY_NAME[error?.name];
    if (statusCode >= 500) {
      logger.error(
        `Request failed with status ${statusCode}: ${isError(error) ? error.name : 'Error'}`,
      );
    }
    const name = isError(error) ? error.name : 'Error';
    const message = known && isError(error) ? error.message : 'Internal error';
    res.status(statusCode).json({
      error: { name: known ? name : 'Error', message: bounded(message, 1000) },
      request: {
        method: req.method,
        url: bounded(req.originalUrl ?? req.url, 200),
      },
      response: { statusCode },
    });
  };
}
