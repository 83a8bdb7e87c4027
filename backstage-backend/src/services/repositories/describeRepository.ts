import {
  DescribeRepositoriesCommand,
  GetLifecyclePolicyCommand,
  GetRegistryScanningConfigurationCommand,
  GetRepositoryPolicyCommand,
  type ECRClient,
  type RegistryScanningRule,
} from '@aws-sdk/client-ecr';
import { NotFoundError } from '@backstage/errors';
import type {
  EcrRepositorySummary,
  RepositoryArn,
} from '@ecr-kit/backstage-plugin-ecr-common';
import { summarizeLifecycle } from './summarizeLifecycle';

/** The summary without the image count, which comes from the (separately cached) listing. */
export type RepositorySettings = Omit<EcrRepositorySummary, 'imageCount'>;

/** `undefined` when ECR answers with the given "not found" exception. */
function absentOn(name: string) {
  return (error: { name?: string }) => {
    if (error.name === name) return undefined;
    throw error;
  };
}

/**
 * ECR's scanning filter match: without `*` a filter matches every name containing it; each
 * `*` stands for any characters of the whole name (ECR User Guide, image scanning filters).
 */
function matchesFilter(filter: string | undefined, repositoryName: string) {
  if (!filter) return true;
  if (!filter.includes('*')) return repositoryName.includes(filter);
  const escaped = filter
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(repositoryName);
}

/**
 * Reads a repository's settings: DescribeRepositories, its lifecycle and repository
 * policies, and the registry scanning configuration (which decides enhanced / continuous).
 */
export async function describeRepository(
  ecr: ECRClient,
  arn: RepositoryArn,
): Promise<RepositorySettings> {
  const target = {
    registryId: arn.accountId,
    repositoryName: arn.repositoryName,
  };
  const [described, lifecycle, policy, scanning] = await Promise.all([
    ecr.send(
      new DescribeRepositoriesCommand({
        registryId: arn.accountId,
        repositoryNames: [arn.repositoryName],
      }),
    ),
    ecr
      .send(new GetLifecyclePolicyCommand(target))
      .catch(absentOn('LifecyclePolicyNotFoundException')),
    ecr
      .send(new GetRepositoryPolicyCommand(target))
      .catch(absentOn('RepositoryPolicyNotFoundException')),
    // Reading the registry's configuration may be denied to a read-only role: then unknown.
    ecr
      .send(new GetRegistryScanningConfigurationCommand({}))
      .catch(() => undefined),
  ]);
  const repo = described.repositories?.[0];
  if (!repo) {
    throw new NotFoundError(`Repository ${arn.repositoryName} not found`);
  }
  const rules: RegistryScanningRule[] =
    scanning?.scanningConfiguration?.rules ?? [];
  const applies = (frequency: string) =>
    rules.some(
      r =>
        r.scanFrequency === frequency &&
        (r.repositoryFilters ?? []).some(f =>
          matchesFilter(f.filter, arn.repositoryName),
        ),
    );
  return {
    arn: arn.arn,
    name: arn.repositoryName,
    uri: repo.repositoryUri ?? '',
    accountId: arn.accountId,
    region: arn.region,
    createdAt: repo.createdAt?.toISOString(),
    tagMutability: {
      mode: (repo.imageTagMutability ??
        'MUTABLE') as RepositorySettings['tagMutability']['mode'],
      exclusionFilters: (repo.imageTagMutabilityExclusionFilters ?? []).map(
        f => f.filter ?? '',
      ),
    },
    scanning: {
      type:
        (scanning?.scanningConfiguration?.scanType as
          RepositorySettings['scanning']['type'] | undefined) ?? 'UNKNOWN',
      scanOnPush:
        Boolean(repo.imageScanningConfiguration?.scanOnPush) ||
        applies('SCAN_ON_PUSH'),
      continuous: applies('CONTINUOUS_SCAN'),
    },
    encryption: {
      type: (repo.encryptionConfiguration?.encryptionType ??
        'AES256') as RepositorySettings['encryption']['type'],
      ...(repo.encryptionConfiguration?.kmsKey
        ? { kmsKey: repo.encryptionConfiguration.kmsKey }
        : {}),
    },
    lifecyclePolicy: {
      present: Boolean(lifecycle?.lifecyclePolicyText),
      rules: summarizeLifecycle(lifecycle?.lifecyclePolicyText),
    },
    repositoryPolicyPresent: Boolean(policy?.policyText),
  };
}
