import { isError } from '@backstage/errors';

/**
 * Thrown when `@backstage/integration-aws-node` has no credentials for an account. The
 * manager's own message (possibly an STS error) is replaced by one naming the config key.
 */
export class MissingAwsCredentialsError extends Error {
  override name = 'MissingAwsCredentialsError';
  constructor(readonly accountId: string) {
    super(
      `No AWS credentials for account ${accountId}: add the account to aws.accounts (or set aws.accountDefaults.roleName) in app-config`,
    );
  }
}

/** The IAM action behind each ECR operation the action calls, for error messages. */
const IAM_ACTIONS: Record<string, string> = {
  'describe the repository': 'ecr:DescribeRepositories',
  'create the repository': 'ecr:CreateRepository and ecr:TagResource',
  'read the lifecycle policy': 'ecr:GetLifecyclePolicy',
  'read the repository policy': 'ecr:GetRepositoryPolicy',
  'read the repository tags': 'ecr:ListTagsForResource',
  'put the lifecycle policy': 'ecr:PutLifecyclePolicy',
  'set the repository policy': 'ecr:SetRepositoryPolicy',
  'delete the repository': 'ecr:DeleteRepository',
};

/**
 * Turns an AWS SDK error into an error whose message names the account, region and step
 * and says what to do; never the credentials or the SDK's stack.
 */
export function describeAwsError(
  error: unknown,
  context: { accountId: string; region: string; step: string },
): Error {
  if (error instanceof MissingAwsCredentialsError) return error;
  const where = `account ${context.accountId} (${context.region})`;
  const name = isError(error) ? error.name : 'Error';
  const awsMessage = isError(error) ? error.message.slice(0, 300) : '';
  switch (name) {
    case 'AccessDeniedException':
    case 'UnrecognizedClientException':
    case 'InvalidSignatureException':
    case 'ExpiredTokenException':
      return new Error(
        `Access denied in ${where} while trying to ${context.step}: the role or keys configured for this account in aws.accounts need ${IAM_ACTIONS[context.step] ?? 'the ECR permissions listed in the module README'}`,
      );
    case 'CredentialsProviderError':
      return new MissingAwsCredentialsError(context.accountId);
    case 'ThrottlingException':
    case 'TooManyRequestsException':
      return new Error(
        `Amazon ECR kept throttling requests in ${where} while trying to ${context.step}; retry the task shortly`,
      );
    case 'KmsException':
      return new Error(
        `Amazon ECR could not use the KMS key in ${where} while trying to ${context.step}: check that kmsKeyArn exists in ${context.region} and that its key policy lets ECR use it (${awsMessage})`,
      );
    case 'InvalidParameterException':
    case 'InvalidTagParameterException':
    case 'TooManyTagsException':
    case 'LimitExceededException':
    case 'ValidationException':
      return new Error(
        `Amazon ECR rejected the request to ${context.step} in ${where}: ${awsMessage}`,
      );
    default:
      return new Error(
        `Amazon ECR request to ${context.step} failed in ${where} (${name}${awsMessage ? `: ${awsMessage}` : ''})`,
      );
  }
}
