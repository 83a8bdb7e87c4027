import {
  EcrApiError,
  invalidParameter,
  repositoryNotFound,
} from './EcrApiError';
import { paginate } from './pagination';
import type { RepositoryRecord } from './model';
import type { Registry } from './Registry';

type Request = Record<string, unknown>;

const NAME_PATTERN =
  /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

export function checkRegistryId(registry: Registry, request: Request): void {
  if (
    request.registryId !== undefined &&
    request.registryId !== registry.accountId
  ) {
    throw new EcrApiError(
      'AccessDeniedException',
      `User is not authorized to access registry ${String(request.registryId)}`,
    );
  }
}

export function validateName(name: unknown): string {
  if (
    typeof name !== 'string' ||
    name.length < 2 ||
    name.length > 256 ||
    !NAME_PATTERN.test(name)
  ) {
    throw invalidParameter(
      `Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*''`,
    );
  }
  return name;
}

export function findRepository(
  registry: Registry,
  request: Request,
): RepositoryRecord {
  checkRegistryId(registry, request);
  const name = validateName(request.repositoryName);
  const repository = registry.repositories.get(name);
  if (!repository) throw repositoryNotFound(name, registry.accountId);
  return repository;
}

export function repositoryShape(registry: Registry, r: RepositoryRecord) {
  return {
    repositoryArn: registry.repositoryArn(r.repositoryName),
    registryId: registry.accountId,
    repositoryName: r.repositoryName,
    repositoryUri: registry.repositoryUri(r.repositoryName),
    createdAt: r.createdAt,
    imageTagMutability: r.imageTagMutability,
    ...(r.imageTagMutabilityExclusionFilters
      ? {
          imageTagMutabilityExclusionFilters:
            r.imageTagMutabilityExclusionFilters,
        }
      : {}),
    imageScanningConfiguration: { scanOnPush: r.scanOnPush },
    encryptionConfiguration: {
      encryptionType: r.encryptionType,
      ...(r.kmsKey ? { kmsKey: r.kmsKey } : {}),
    },
  };
}

export function createRepository(
  registry: Registry,
  request: Request,
  now: number,
) {
  checkRegistryId(registry, request);
  const name = validateName(request.repositoryName);
  if (registry.repositories.has(name)) {
    throw new EcrApiError(
      'RepositoryAlreadyExistsException',
      `The repository with name '${name}' already exists in the registry with id '${registry.accountId}'`,
    );
  }
  const encryption = (request.encryptionConfiguration ?? {}) as {
    encryptionType?: RepositoryRecord['encryptionType'];
    kmsKey?: string;
  };
  const encryptionType = encryption.encryptionType ?? 'AES256';
  const record: RepositoryRecord = {
    repositoryName: name,
    createdAt: now,
    imageTagMutability:
      (request.imageTagMutability as RepositoryRecord['imageTagMutability']) ??
      'MUTABLE',
    scanOnPush: Boolean(
      (
        request.imageScanningConfiguration as
          { scanOnPush?: boolean } | undefined
      )?.scanOnPush,
    ),
    encryptionType,
    kmsKey:
      encryptionType === 'AES256'
        ? undefined
        : (encryption.kmsKey ??
          `arn:aws:kms:${registry.region}:${registry.accountId}:alias/aws/ecr`),
    tags: (request.tags as RepositoryRecord['tags'] | undefined) ?? [],
    images: new Map(),
  };
  const filters = request.imageTagMutabilityExclusionFilters as
    RepositoryRecord['imageTagMutabilityExclusionFilters'] | undefined;
  if (filters) record.imageTagMutabilityExclusionFilters = filters;
  registry.repositories.set(name, record);
  return { repository: repositoryShape(registry, record) };
}

export function describeRepositories(registry: Registry, request: Request) {
  checkRegistryId(registry, request);
  const names = request.repositoryNames as unknown[] | undefined;
  if (names) {
    if (request.maxResults !== undefined || request.nextToken !== undefined) {
      throw invalidParameter(
        'maxResults and nextToken cannot be used together with repositoryNames',
      );
    }
    return {
      repositories: names.map(name => {
        const repository = findRepository(registry, { repositoryName: name });
        return repositoryShape(registry, repository);
      }),
    };
  }
  const all = [...registry.repositories.values()].sort((a, b) =>
    a.repositoryName.localeCompare(b.repositoryName),
  );
  const page = paginate('DescribeRepositories', all, request, {
    max: 1000,
    fallback: 100,
  });
  return {
    repositories: page.items.map(r => repositoryShape(registry, r)),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}

export function deleteRepository(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  if (repository.images.size > 0 && request.force !== true) {
    throw new EcrApiError(
      'RepositoryNotEmptyException',
      `The repository with name '${repository.repositoryName}' in registry with id '${registry.accountId}' cannot be deleted because it still contains images`,
    );
  }
  registry.repositories.delete(repository.repositoryName);
  return { repository: repositoryShape(registry, repository) };
}
