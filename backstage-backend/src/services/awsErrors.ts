import {
  CustomErrorBase,
  NotFoundError,
  ServiceUnavailableError,
  isError,
} from '@backstage/errors';

/** Thrown when AWS refuses access; the error middleware answers 502 with its message. */
export class UpstreamAccessDeniedError extends CustomErrorBase {
  name = 'UpstreamAccessDeniedError' as const;
  readonly statusCode = 502;
}

/**
 * Thrown when `@backstage/integration-aws-node` has no credentials for an account. Its
 * own message (or, with a main account, a failed STS lookup) is replaced by one that
 * names the account and the config key to fix.
 */
export class MissingAwsCredentialsError extends ServiceUnavailableError {
  constructor(accountId: string) {
    super(
      `No AWS credentials for account ${accountId}: add the account to aws.accounts (or set aws.accountDefaults.roleName) in app-config`,
    );
  }
}

/**
 * Turns an AWS SDK error into a Backstage error with an actionable message that names the
 * account and region, never the credentials or the SDK's stack.
 */
export function toBackstageError(
  error: unknown,
  context: { accountId: string; region: string; action: string },
): Error {
  // Already a Backstage error (ours, e.g. missing credentials or not found): keep it.
  if (error instanceof CustomErrorBase) return error;
  const where = `account ${context.accountId} (${context.region})`;
  const name = isError(error) ? error.name : 'Error';
  if (name === 'RepositoryNotFoundException') {
    return new NotFoundError(`The repository does not exist in ${where}`);
  }
  if (name === 'ImageNotFoundException') {
    return new NotFoundError(`The image does not exist in ${where}`);
  }
  if (
    name === 'AccessDeniedException' ||
    name === 'UnrecognizedClientException' ||
    name === 'InvalidSignatureException' ||
    name === 'ExpiredTokenException'
  ) {
    return new UpstreamAccessDeniedError(
      `Access denied in ${where} while trying to ${context.action}: check the role or keys configured for this account in aws.accounts`,
    );
  }
  if (name === 'CredentialsProviderError') {
    return new MissingAwsCredentialsError(context.accountId);
  }
  if (name === 'ThrottlingException' || name === 'TooManyRequestsException') {
    return new ServiceUnavailableError(
      `Amazon ECR is throttling requests in ${where}; try again shortly`,
    );
  }
  return new ServiceUnavailableError(
    `Amazon ECR request to ${context.action} failed in ${where} (${name})`,
  );
}
