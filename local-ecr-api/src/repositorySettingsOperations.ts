import { EcrApiError, invalidParameter } from './EcrApiError';
import type { RepositoryRecord, TagMutability } from './model';
import type { Registry } from './Registry';
import { findRepository } from './repositoryOperations';

type Request = Record<string, unknown>;

function ids(registry: Registry, repository: RepositoryRecord) {
  return {
    registryId: registry.accountId,
    repositoryName: repository.repositoryName,
  };
}

const MUTABILITIES: readonly TagMutability[] = [
  'MUTABLE',
  'IMMUTABLE',
  'IMMUTABLE_WITH_EXCLUSION',
  'MUTABLE_WITH_EXCLUSION',
];

export function putImageTagMutability(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  const mutability = request.imageTagMutability as TagMutability;
  if (!MUTABILITIES.includes(mutability)) {
    throw invalidParameter(
      `Invalid parameter at 'imageTagMutability' failed to satisfy constraint: 'Member must satisfy enum value set: [${MUTABILITIES.join(', ')}]'`,
    );
  }
  const filters = request.imageTagMutabilityExclusionFilters as
    RepositoryRecord['imageTagMutabilityExclusionFilters'] | undefined;
  if (mutability.endsWith('_WITH_EXCLUSION') !== Boolean(filters?.length)) {
    throw invalidParameter(
      'imageTagMutabilityExclusionFilters must be given exactly when imageTagMutability is *_WITH_EXCLUSION',
    );
  }
  repository.imageTagMutability = mutability;
  repository.imageTagMutabilityExclusionFilters = filters;
  return {
    ...ids(registry, repository),
    imageTagMutability: mutability,
    ...(filters ? { imageTagMutabilityExclusionFilters: filters } : {}),
  };
}

export function putImageScanningConfiguration(
  registry: Registry,
  request: Request,
) {
  const repository = findRepository(registry, request);
  const config = request.imageScanningConfiguration as
    { scanOnPush?: boolean } | undefined;
  repository.scanOnPush = Boolean(config?.scanOnPush);
  return {
    ...ids(registry, repository),
    imageScanningConfiguration: { scanOnPush: repository.scanOnPush },
  };
}

export function putLifecyclePolicy(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  const text = request.lifecyclePolicyText;
  if (typeof text !== 'string' || text.length < 100 || text.length > 30720) {
    throw invalidParameter(
      "Invalid parameter at 'lifecyclePolicyText' failed to satisfy constraint: 'Member must have length between 100 and 30720'",
    );
  }
  let parsed: { rules?: unknown };
  try {
    parsed = JSON.parse(text) as { rules?: unknown };
  } catch {
    throw new EcrApiError(
      'InvalidParameterException',
      "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: the policy is not valid JSON'",
    );
  }
  if (!Array.isArray(parsed.rules) || parsed.rules.length === 0) {
    throw invalidParameter(
      "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: object has missing required properties ([\"rules\"])'",
    );
  }
  repository.lifecyclePolicyText = text;
  return { ...ids(registry, repository), lifecyclePolicyText: text };
}

function requireLifecyclePolicy(
  registry: Registry,
  repository: RepositoryRecord,
): string {
  if (!repository.lifecyclePolicyText) {
    throw new EcrApiError(
      'LifecyclePolicyNotFoundException',
      `Lifecycle policy does not exist for the repository with name '${repository.repositoryName}' in the registry with id '${registry.accountId}'`,
    );
  }
  return repository.lifecyclePolicyText;
}

export function getLifecyclePolicy(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  return {
    ...ids(registry, repository),
    lifecyclePolicyText: requireLifecyclePolicy(registry, repository),
    ...(repository.lifecyclePolicyEvaluatedAt
      ? { lastEvaluatedAt: repository.lifecyclePolicyEvaluatedAt }
      : {}),
  };
}

export function deleteLifecyclePolicy(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  const text = requireLifecyclePolicy(registry, repository);
  repository.lifecyclePolicyText = undefined;
  return { ...ids(registry, repository), lifecyclePolicyText: text };
}

export function setRepositoryPolicy(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  const text = request.policyText;
  let valid = typeof text === 'string' && text.length <= 10240;
  if (valid) {
    try {
      const parsed = JSON.parse(text as string) as { Statement?: unknown };
      valid =
        Array.isArray(parsed.Statement) || typeof parsed.Statement === 'object';
    } catch {
      valid = false;
    }
  }
  if (!valid) {
    throw invalidParameter(
      "Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'",
    );
  }
  repository.repositoryPolicyText = text as string;
  return { ...ids(registry, repository), policyText: text };
}

function requireRepositoryPolicy(
  registry: Registry,
  repository: RepositoryRecord,
): string {
  if (!repository.repositoryPolicyText) {
    throw new EcrApiError(
      'RepositoryPolicyNotFoundException',
      `Repository policy does not exist for the repository with name '${repository.repositoryName}' in the registry with id '${registry.accountId}'`,
    );
  }
  return repository.repositoryPolicyText;
}

export function getRepositoryPolicy(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  return {
    ...ids(registry, repository),
    policyText: requireRepositoryPolicy(registry, repository),
  };
}

export function deleteRepositoryPolicy(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  const text = requireRepositoryPolicy(registry, repository);
  repository.repositoryPolicyText = undefined;
  return { ...ids(registry, repository), policyText: text };
}
