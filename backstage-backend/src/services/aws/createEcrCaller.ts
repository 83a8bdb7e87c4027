import type { ECRClient } from '@aws-sdk/client-ecr';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import type { RepositoryArn } from '@ecr-kit/backstage-plugin-ecr-common';
import {
  describeAwsError,
  type AwsClients,
} from '@ecr-kit/backstage-plugin-ecr-node';
import type { KeyedLimiter } from '../util/keyedLimiter';
import type { AwsStep } from './iamActions';

/** Runs an ECR call for a repository and maps its failure to a Backstage error. */
export type EcrCaller = <T>(
  arn: RepositoryArn,
  step: AwsStep,
  run: (ecr: ECRClient) => Promise<T>,
) => Promise<T>;

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
  return async (arn, step, run) => {
    try {
      const ecr = await options.clients.ecr(arn);
      return await options.limiter.run(`${arn.accountId}/${arn.region}`, () =>
        run(ecr),
      );
    } catch (error) {
      options.logger.warn(
        `ECR ${step.action} failed in ${arn.accountId}/${arn.region}: ${isError(error) ? error.name : 'Error'}`,
      );
      throw describeAwsError(error, {
        accountId: arn.accountId,
        region: arn.region,
        ...step,
      });
    }
  };
}
