import type { ECRClient } from '@aws-sdk/client-ecr';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import type { RepositoryArn } from '@ecr-kit/backstage-plugin-ecr-common';
import { toBackstageError } from './awsErrors';
import type { EcrClients } from './EcrClients';

/** Runs an ECR call for a repository and maps its failure to a Backstage error. */
export type EcrCaller = <T>(
  arn: RepositoryArn,
  action: string,
  run: (ecr: ECRClient) => Promise<T>,
) => Promise<T>;

/**
 * Creates the {@link EcrCaller}: the client comes from the repository's account and region;
 * a failure is logged by error name only (never the SDK message, which may name a role).
 */
export function createEcrCaller(options: {
  clients: EcrClients;
  logger: LoggerService;
}): EcrCaller {
  return async (arn, action, run) => {
    try {
      return await run(await options.clients.ecr(arn.accountId, arn.region));
    } catch (error) {
      options.logger.warn(
        `ECR ${action} failed in ${arn.accountId}/${arn.region}: ${isError(error) ? error.name : 'Error'}`,
      );
      throw toBackstageError(error, {
        accountId: arn.accountId,
        region: arn.region,
        action,
      });
    }
  };
}
