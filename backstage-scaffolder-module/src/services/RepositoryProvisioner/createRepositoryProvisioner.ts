import {
  CreateRepositoryCommand,
  DeleteRepositoryCommand,
  DescribeRepositoriesCommand,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  PutLifecyclePolicyCommand,
  SetRepositoryPolicyCommand,
  type ECRClient,
  type Repository,
} from '@aws-sdk/client-ecr';
import { ConflictError, isError } from '@backstage/errors';
import { diffRepositorySettings } from '@ecr-kit/ecr-standard';
import {
  describeAwsError,
  type AwsClients,
} from '@ecr-kit/backstage-plugin-ecr-node';
import { AWS_STEPS, type AwsStep } from '../awsSteps';
import type {
  ProvisionedRepository,
  RepositoryProvisioner,
  RepositoryRequest,
} from './types';

/** Creates a {@link RepositoryProvisioner} that calls ECR through `clients`. */
export function createRepositoryProvisioner(options: {
  clients: AwsClients;
}): RepositoryProvisioner {
  return {
    async ensureRepository(request, { logger }) {
      const { accountId, region, settings } = request;
      const name = settings.name;
      const where = `account ${accountId} (${region})`;
      const fail = (error: unknown, step: AwsStep) =>
        describeAwsError(error, { accountId, region, ...step });
      const call = async <T>(step: AwsStep, run: () => Promise<T>) => {
        try {
          return await run();
        } catch (error) {
          throw fail(error, step);
        }
      };
      const ecr = await options.clients.ecr({ accountId, region });

      const existing = await call(AWS_STEPS.describe, () =>
        describeRepository(ecr, accountId, name),
      );
      if (existing) {
        logger.info(`Repository ${name} already exists in ${where}`);
        return verifyExisting(ecr, request, existing, call);
      }

      logger.info(`Creating repository ${name} in ${where}`);
      let created: Repository | undefined;
      try {
        created = (
          await ecr.send(
            new CreateRepositoryCommand({
              repositoryName: name,
              registryId: accountId,
              imageTagMutability: settings.imageTagMutability,
              ...(settings.exclusionFilters.length > 0
                ? {
                    imageTagMutabilityExclusionFilters:
                      settings.exclusionFilters.map(f => ({ ...f })),
                  }
                : {}),
              imageScanningConfiguration: { scanOnPush: settings.scanOnPush },
              encryptionConfiguration:
                settings.encryption === 'KMS'
                  ? {
                      encryptionType: 'KMS',
                      ...(request.kmsKeyArn
                        ? { kmsKey: request.kmsKeyArn }
                        : {}),
                    }
                  : { encryptionType: 'AES256' },
              tags: Object.entries(request.tags).map(([Key, Value]) => ({
                Key,
                Value,
              })),
            }),
          )
        ).repository;
      } catch (error) {
        if (
          isError(error) &&
          error.name === 'RepositoryAlreadyExistsException'
        ) {
          // Created concurrently (another task, or a retried request): compare instead.
          const raced = await call(AWS_STEPS.describe, () =>
            describeRepository(ecr, accountId, name),
          );
          if (raced) return verifyExisting(ecr, request, raced, call);
        }
        throw fail(error, AWS_STEPS.create);
      }

      let step: AwsStep = AWS_STEPS.putLifecycle;
      try {
        if (settings.lifecyclePolicy !== undefined) {
          step = AWS_STEPS.putLifecycle;
          await ecr.send(
            new PutLifecyclePolicyCommand({
              repositoryName: name,
              registryId: accountId,
              lifecyclePolicyText: settings.lifecyclePolicy,
            }),
          );
        }
        if (settings.policy !== undefined) {
          step = AWS_STEPS.setPolicy;
          await ecr.send(
            new SetRepositoryPolicyCommand({
              repositoryName: name,
              registryId: accountId,
              policyText: JSON.stringify(settings.policy),
            }),
          );
        }
      } catch (error) {
        const cause = fail(error, step);
        logger.warn(
          `Could not ${step.action} of ${name}; deleting the repository this task created`,
        );
        try {
          // No `force`: the repository is seconds old and empty; if images did arrive,
          // deleting fails rather than losing them.
          await ecr.send(
            new DeleteRepositoryCommand({
              repositoryName: name,
              registryId: accountId,
            }),
          );
        } catch (rollbackError) {
          const rollback = fail(rollbackError, AWS_STEPS.delete);
          throw new Error(
            `${cause.message}. Rolling back failed too (${rollback.message}); delete repository ${name} in ${where} before retrying, or a retry will report it as existing with different settings`,
          );
        }
        throw new Error(
          `${cause.message}. The repository this task created was deleted again, so a retry starts clean`,
        );
      }
      logger.info(`Created repository ${name} in ${where}`);
      return identifiers(created, accountId, true);
    },
  };
}

type Call = <T>(step: AwsStep, run: () => Promise<T>) => Promise<T>;

async function describeRepository(
  ecr: ECRClient,
  accountId: string,
  name: string,
): Promise<Repository | undefined> {
  try {
    const { repositories } = await ecr.send(
      new DescribeRepositoriesCommand({
        registryId: accountId,
        repositoryNames: [name],
      }),
    );
    return repositories?.[0];
  } catch (error) {
    if (isError(error) && error.name === 'RepositoryNotFoundException') {
      return undefined;
    }
    throw error;
  }
}

async function verifyExisting(
  ecr: ECRClient,
  request: RepositoryRequest,
  repository: Repository,
  call: Call,
): Promise<ProvisionedRepository> {
  const { accountId, settings } = request;
  const ids = { registryId: accountId, repositoryName: settings.name };
  const [lifecyclePolicy, policy, tags] = await Promise.all([
    call(AWS_STEPS.readLifecycle, () =>
      ecr
        .send(new GetLifecyclePolicyCommand(ids))
        .then(r => r.lifecyclePolicyText)
        .catch(ifNotFound('LifecyclePolicyNotFoundException')),
    ),
    call(AWS_STEPS.readPolicy, () =>
      ecr
        .send(new GetRepositoryPolicyCommand(ids))
        .then(r => r.policyText)
        .catch(ifNotFound('RepositoryPolicyNotFoundException')),
    ),
    call(AWS_STEPS.readTags, () =>
      ecr
        .send(
          new ListTagsForResourceCommand({
            resourceArn: repository.repositoryArn,
          }),
        )
        .then(r => r.tags ?? []),
    ),
  ]);
  const differences = diffRepositorySettings(
    settings,
    {
      imageTagMutability: repository.imageTagMutability ?? 'MUTABLE',
      exclusionFilters: (
        repository.imageTagMutabilityExclusionFilters ?? []
      ).map(f => ({ filter: f.filter ?? '', filterType: f.filterType ?? '' })),
      scanOnPush: repository.imageScanningConfiguration?.scanOnPush ?? false,
      encryption:
        repository.encryptionConfiguration?.encryptionType ?? 'AES256',
      kmsKey: repository.encryptionConfiguration?.kmsKey,
      lifecyclePolicy,
      policy,
      tags: Object.fromEntries(tags.map(t => [t.Key ?? '', t.Value ?? ''])),
    },
    { kmsKeyArn: request.kmsKeyArn, tags: request.tags },
  );
  if (differences.length > 0) {
    throw new ConflictError(
      `Repository ${settings.name} already exists in account ${accountId} (${request.region}) with different settings: ${differences
        .map(d => `${d.field} is ${d.actual} (expected ${d.expected})`)
        .join(
          '; ',
        )}. This action never changes an existing repository: choose another repositoryName, or change the inputs to match the existing repository`,
    );
  }
  return identifiers(repository, accountId, false);
}

function ifNotFound(errorName: string) {
  return (error: unknown): undefined => {
    if (isError(error) && error.name === errorName) return undefined;
    throw error;
  };
}

function identifiers(
  repository: Repository | undefined,
  accountId: string,
  created: boolean,
): ProvisionedRepository {
  if (!repository?.repositoryArn || !repository.repositoryUri) {
    throw new Error(
      `Amazon ECR returned no ARN or URI for the repository in account ${accountId}`,
    );
  }
  return {
    repositoryName: repository.repositoryName ?? '',
    repositoryArn: repository.repositoryArn,
    repositoryUri: repository.repositoryUri,
    registryId: repository.registryId ?? accountId,
    created,
  };
}
