import type { ECRClient } from '@aws-sdk/client-ecr';
import type { Inspector2Client } from '@aws-sdk/client-inspector2';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import type { RepositoryArn } from '@ecr-kit/backstage-plugin-ecr-common';
import {
  describeAwsError,
  type AwsClients,
} from '@ecr-kit/backstage-plugin-ecr-node';
import type { KeyedLimiter } from '../util/keyedLimiter';
import type { AwsStep } from './iamActions';

/** Runs an AWS call for a repository and maps its failure to a Backstage error. */
export type AwsCaller<C> = <T>(
  arn: RepositoryArn,
  step: AwsStep,
  run: (client: C) => Promise<T>,
) => Promise<T>;

/** An {@link AwsCaller} of Amazon ECR, with one of Amazon Inspector beside it. */
export type EcrCaller = AwsCaller<ECRClient> & {
  readonly inspector: AwsCaller<Inspector2Client>;
};

/**
 * Creates the {@link EcrCaller}: the client comes from the repository's partition, account
 * and Region; calls per account and Region are bounded by `limiter`; a failure is logged by
 * error name only (never the SDK message, which may name a role).
 */
export function createEcrCaller(options: {
  clients: AwsClients;
  logger: LoggerService;
  limiter: KeyedLimiter;
}): EcrCaller {
  const caller =
    <C>(service: string, client: (arn: RepositoryArn) => Promise<C>) =>
    async <T>(
      arn: RepositoryArn,
      step: AwsStep,
      run: (client: C) => Promise<T>,
    ): Promise<T> => {
      try {
        const built = await client(arn);
        return await options.limiter.run(`${arn.accountId}/${arn.region}`, () =>
          run(built),
        );
      } catch (error) {
        options.logger.warn(
          `${service} ${step.action} failed in ${arn.accountId}/${arn.region}: ${isError(error) ? error.name : 'Error'}`,
        );
        throw describeAwsError(error, {
          accountId: arn.accountId,
          region: arn.region,
          ...step,
        });
      }
    };
  return Object.assign(
    caller('ECR', arn => options.clients.ecr(arn)),
    { inspector: caller('Inspector', arn => options.clients.inspector(arn)) },
  );
}
