import { NotFoundError } from '@backstage/errors';
import { describeAwsError, missingCredentials } from './errors';

const context = {
  accountId: '111122223333',
  region: 'eu-west-1',
  action: 'read scan results',
  iamActions: ['ecr:DescribeImageScanFindings'],
};
const named = (name: string, message = 'aws says no') =>
  Object.assign(new Error(message), { name });

describe('describeAwsError', () => {
  test.each([
    [
      named(
        'AccessDeniedException',
        'User: arn:aws:sts::1:assumed-role/x is not authorized',
      ),
      502,
      'Access denied in account 111122223333 (eu-west-1) while trying to read scan results: the role or keys configured for this account in aws.accounts need ecr:DescribeImageScanFindings',
    ],
    [
      named('ThrottlingException'),
      503,
      'Amazon ECR kept throttling requests in account 111122223333 (eu-west-1) while trying to read scan results; try again shortly',
    ],
    [
      named(
        'InvalidParameterException',
        "Invalid parameter at 'repositoryName'",
      ),
      502,
      "Amazon ECR rejected the request to read scan results in account 111122223333 (eu-west-1): Invalid parameter at 'repositoryName'",
    ],
    [
      named('InternalFailure'),
      503,
      'Amazon ECR request to read scan results failed in account 111122223333 (eu-west-1) (InternalFailure: aws says no)',
    ],
    [
      named('CredentialsProviderError', 'secret stuff'),
      422,
      'No AWS credentials for account 111122223333: add the account to aws.accounts (or set aws.accountDefaults.roleName) in app-config',
    ],
  ])('%s', (error, statusCode, message) => {
    const mapped = describeAwsError(error, context) as Error & {
      statusCode?: number;
    };
    const status =
      mapped.statusCode ??
      ({ ServiceUnavailableError: 503 } as Record<string, number>)[mapped.name];
    expect({ status, message: mapped.message }).toEqual({
      status: statusCode,
      message,
    });
    expect(mapped.message).not.toContain('assumed-role');
  });

  it('keeps Backstage errors and maps not-found exceptions', () => {
    const own = missingCredentials('1');
    expect(describeAwsError(own, context)).toBe(own);
    expect(
      describeAwsError(named('RepositoryNotFoundException'), context),
    ).toBeInstanceOf(NotFoundError);
  });

  it('bounds what it repeats of AWS’s message', () => {
    const mapped = describeAwsError(
      named('ValidationException', 'x'.repeat(10_000)),
      context,
    );
    expect(mapped.message.length).toBeLessThan(500);
  });
});
