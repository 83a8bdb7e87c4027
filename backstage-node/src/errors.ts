import {
  CustomErrorBase,
  NotFoundError,
  ServiceUnavailableError,
  isError,
} from '@backstage/errors';

/**
 * AWS refused access: the backend's role lacks a permission (answered 502).
 *
 * @public
 */
export class UpstreamAccessDeniedError extends CustomErrorBase {
  override name = 'UpstreamAccessDeniedError' as const;
  readonly statusCode = 502;
}

/**
 * AWS did not answer in time (answered 504).
 *
 * @public
 */
export class AwsTimeoutError extends CustomErrorBase {
  override name = 'AwsTimeoutError' as const;
  readonly statusCode = 504;
}

/**
 * AWS answered with an error the request cannot recover from (answered 502).
 *
 * @public
 */
export class AwsRequestError extends CustomErrorBase {
  override name = 'AwsRequestError' as const;
  readonly statusCode = 502;
}

/**
 * A repository in an account or partition the portal has no credentials for: a catalog or
 * configuration mistake, answered 422 with the config key to fix.
 *
 * @public
 */
export class AccountNotConfiguredError extends CustomErrorBase {
  override name = 'AccountNotConfiguredError' as const;
  readonly statusCode = 422;
}

/**
 * The account's credentials could not be found or used; the message names the config key.
 *
 * @public
 */
export function missingCredentials(
  accountId: string,
): AccountNotConfiguredError {
  return new AccountNotConfiguredError(
    `No AWS credentials for account ${accountId}: add the account to aws.accounts (or set aws.accountDefaults.roleName) in app-config`,
  );
}

/**
 * Where and what an AWS call was doing, for messages users can act on.
 *
 * @public
 */
export interface AwsCallContext {
  readonly accountId: string;
  readonly region: string;
  /** What was being done, in words: `list images`, `create the repository`. */
  readonly action: string;
  /** IAM actions that step needs, named when AWS refuses access. */
  readonly iamActions?: readonly string[];
}

const ACCESS_DENIED = new Set([
  'AccessDeniedException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'InvalidClientTokenId',
]);
const THROTTLED = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'ThrottledException',
  'RequestLimitExceeded',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const REJECTED = new Set([
  'InvalidParameterException',
  'InvalidTagParameterException',
  'TooManyTagsException',
  'LimitExceededException',
  'ValidationException',
  'KmsException',
]);

/** A short piece of AWS's own message: never credentials, bounded in size. */
function awsDetail(error: unknown): string {
  if (!isError(error)) return '';
  return error.message.replace(/\s+/g, ' ').slice(0, 300);
}

function code(error: unknown): string | undefined {
  const value = (error as { code?: unknown; cause?: { code?: unknown } })?.code;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Turns an AWS SDK error into a Backstage error whose message names the account, Region and
 * step and says what to do — IAM actions for a denial, time-outs and unreachable endpoints in
 * words — and never carries credentials or the SDK's stack.
 *
 * @public
 */
export function describeAwsError(
  error: unknown,
  context: AwsCallContext,
): Error {
  if (error instanceof CustomErrorBase) return error;
  const where = `account ${context.accountId} (${context.region})`;
  const name = isError(error) ? error.name : 'Error';
  const message = isError(error) ? error.message : '';
  if (name === 'RepositoryNotFoundException') {
    return new NotFoundError(`The repository does not exist in ${where}`);
  }
  if (name === 'ImageNotFoundException') {
    return new NotFoundError(`The image does not exist in ${where}`);
  }
  if (ACCESS_DENIED.has(name)) {
    const needs = context.iamActions?.length
      ? context.iamActions.join(' and ')
      : 'the ECR permissions listed in the plugin README';
    return new UpstreamAccessDeniedError(
      `Access denied in ${where} while trying to ${context.action}: the role or keys configured for this account in aws.accounts need ${needs}`,
    );
  }
  if (name === 'CredentialsProviderError') {
    return missingCredentials(context.accountId);
  }
  if (THROTTLED.has(name)) {
    return new ServiceUnavailableError(
      `Amazon ECR kept throttling requests in ${where} while trying to ${context.action}; try again shortly`,
    );
  }
  const errorCode = code(error);
  if (
    name === 'TimeoutError' ||
    name === 'RequestTimeout' ||
    (errorCode && TIMEOUT_CODES.has(errorCode)) ||
    /exceeded the configured \d+ ms requestTimeout/.test(message)
  ) {
    return new AwsTimeoutError(
      `Amazon ECR did not answer in time in ${where} while trying to ${context.action}; it may be overloaded or unreachable from the portal`,
    );
  }
  if (
    (errorCode && UNREACHABLE_CODES.has(errorCode)) ||
    /socket hang up|ECONNRESET|ECONNREFUSED/.test(message)
  ) {
    return new ServiceUnavailableError(
      `Amazon ECR could not be reached in ${where} while trying to ${context.action} (the connection failed); check the network path to the ECR endpoint`,
    );
  }
  if (REJECTED.has(name)) {
    return new AwsRequestError(
      `Amazon ECR rejected the request to ${context.action} in ${where}: ${awsDetail(error)}`,
    );
  }
  const detail = awsDetail(error);
  return new ServiceUnavailableError(
    `Amazon ECR request to ${context.action} failed in ${where} (${name}${detail ? `: ${detail}` : ''})`,
  );
}
