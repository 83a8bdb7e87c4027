import { formatArn } from '@ecr-kit/ecr-standard';
import {
  EcrApiError,
  invalidParameterAt,
  repositoryNotFound,
} from './EcrApiError';
import type { RepositoryRecord, Tag, TagMutability } from './model';
import { paginate } from './pagination';
import type { Registry } from './Registry';
import { checkTags, mergeTags } from './validation/tagRules';
import type {
  OperationContext,
  Request,
  World,
} from './world/OperationContext';

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

/** The repository a request names (its name already checked against the model). */
export function findRepository(
  registry: Registry,
  request: Request,
): RepositoryRecord {
  checkRegistryId(registry, request);
  const name = String(request.repositoryName);
  const repository = registry.repositories.get(name);
  if (!repository) throw repositoryNotFound(name, registry.accountId);
  return repository;
}

/**
 * A repository as ECR answers it (`CreateRepository`, `DescribeRepositories`, a pull).
 *
 * @public
 */
export interface RepositoryShape {
  repositoryArn: string;
  registryId: string;
  repositoryName: string;
  repositoryUri: string;
  createdAt: RepositoryRecord['createdAt'];
  imageTagMutability: RepositoryRecord['imageTagMutability'];
  imageTagMutabilityExclusionFilters?: RepositoryRecord['imageTagMutabilityExclusionFilters'];
  imageScanningConfiguration: { scanOnPush: boolean };
  encryptionConfiguration: {
    encryptionType: RepositoryRecord['encryptionType'];
    kmsKey?: string;
  };
}

export function repositoryShape(
  registry: Registry,
  r: RepositoryRecord,
): RepositoryShape {
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

type ExclusionFilters = RepositoryRecord['imageTagMutabilityExclusionFilters'];

/**
 * `*_WITH_EXCLUSION` needs exclusion filters and the plain settings take none (ECR rejects
 * both mismatches; wording after the responses moto records for ECR).
 */
export function checkMutability(
  mutability: TagMutability,
  filters: ExclusionFilters,
): void {
  const withExclusion = mutability.endsWith('_WITH_EXCLUSION');
  if (withExclusion && !filters?.length) {
    throw invalidParameterAt(
      'imageTagMutabilityExclusionFilters',
      `ImageTagMutabilityExclusionFilters can't be null when imageTagMutability is set as ${mutability}`,
    );
  }
  if (!withExclusion && filters?.length) {
    throw invalidParameterAt(
      'imageTagMutabilityExclusionFilters',
      `ImageTagMutabilityExclusionFilters can only be set when imageTagMutability is IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION, not ${mutability}`,
    );
  }
}

/** The AWS managed key ECR uses for `KMS` encryption when no key is given. */
export function awsManagedEcrKey(registry: Registry): string {
  return kmsArn(registry, 'alias/aws/ecr');
}

function kmsArn(registry: Registry, resource: string): string {
  return formatArn({
    service: 'kms',
    region: registry.region,
    accountId: registry.accountId,
    resource,
  });
}

/**
 * The KMS key a repository will use. An unknown key is a KmsException, as ECR reports a key
 * it cannot use; keys exist when seeded or added with `resources.putKmsKey`. A key of
 * another Region is unusable too: "The key must exist in the same Region as the repository"
 * (API reference, EncryptionConfiguration.kmsKey). The exact error ECR gives for it is not
 * documented; it is reported here like a missing key.
 */
export function resolveKmsKey(
  registry: Registry,
  world: World,
  encryptionType: string,
  kmsKey: string | undefined,
  parameter = 'encryptionConfiguration',
): string | undefined {
  if (encryptionType === 'AES256') {
    if (kmsKey) {
      throw invalidParameterAt(
        `${parameter}.kmsKey`,
        'A KMS key can only be given with encryptionType KMS or KMS_DSSE',
      );
    }
    return undefined;
  }
  if (!kmsKey) return awsManagedEcrKey(registry);
  const candidates = kmsKey.startsWith('arn:')
    ? [kmsKey]
    : [
        kmsArn(
          registry,
          kmsKey.startsWith('alias/') ? kmsKey : `key/${kmsKey}`,
        ),
      ];
  const inRegion = (key: string) => key.split(':')[3] === registry.region;
  if (
    candidates.some(
      key =>
        inRegion(key) &&
        (world.resources.hasKmsKey(key) || key.endsWith(':alias/aws/ecr')),
    )
  ) {
    return kmsKey;
  }
  throw new EcrApiError(
    'KmsException',
    `The KMS key '${kmsKey}' does not exist or ECR is not allowed to use it in ${registry.region}`,
    400,
    { kmsError: 'NotFoundException' },
  );
}

/** What a new repository gets: from CreateRepository or from a creation template. */
export interface NewRepository {
  readonly name: string;
  readonly imageTagMutability?: TagMutability;
  readonly imageTagMutabilityExclusionFilters?: ExclusionFilters;
  readonly scanOnPush?: boolean;
  readonly encryptionType?: string;
  readonly kmsKey?: string;
  readonly tags?: readonly Tag[];
}

/** Validates `spec` as CreateRepository does and stores the repository. */
export function addRepository(
  registry: Registry,
  world: World,
  spec: NewRepository,
  now: number,
): RepositoryRecord {
  if (registry.repositories.has(spec.name)) {
    throw new EcrApiError(
      'RepositoryAlreadyExistsException',
      `The repository with name '${spec.name}' already exists in the registry with id '${registry.accountId}'`,
    );
  }
  const mutability = spec.imageTagMutability ?? 'MUTABLE';
  checkMutability(mutability, spec.imageTagMutabilityExclusionFilters);
  const tags = spec.tags ?? [];
  checkTags(tags);
  mergeTags([], tags, `repository ${spec.name}`);
  const encryptionType = spec.encryptionType ?? 'AES256';
  const record: RepositoryRecord = {
    repositoryName: spec.name,
    createdAt: now,
    imageTagMutability: mutability,
    imageTagMutabilityExclusionFilters: spec.imageTagMutabilityExclusionFilters,
    scanOnPush: spec.scanOnPush ?? false,
    encryptionType: encryptionType as RepositoryRecord['encryptionType'],
    kmsKey: resolveKmsKey(registry, world, encryptionType, spec.kmsKey),
    tags: tags.map(tag => ({ Key: tag.Key, Value: tag.Value })),
    images: new Map(),
  };
  registry.repositories.set(spec.name, record);
  return record;
}

export function createRepository(
  registry: Registry,
  request: Request,
  context: OperationContext,
) {
  checkRegistryId(registry, request);
  const encryption = request.encryptionConfiguration as
    { encryptionType: string; kmsKey?: string } | undefined;
  const record = addRepository(
    registry,
    context.world,
    {
      name: String(request.repositoryName),
      imageTagMutability: request.imageTagMutability as
        TagMutability | undefined,
      imageTagMutabilityExclusionFilters:
        request.imageTagMutabilityExclusionFilters as ExclusionFilters,
      scanOnPush: (
        request.imageScanningConfiguration as
          { scanOnPush?: boolean } | undefined
      )?.scanOnPush,
      encryptionType: encryption?.encryptionType,
      kmsKey: encryption?.kmsKey,
      tags: request.tags as Tag[] | undefined,
    },
    context.now,
  );
  return { repository: repositoryShape(registry, record) };
}

export function describeRepositories(registry: Registry, request: Request) {
  checkRegistryId(registry, request);
  const names = request.repositoryNames as string[] | undefined;
  if (names) {
    if (request.maxResults !== undefined || request.nextToken !== undefined) {
      throw invalidParameterAt(
        'maxResults',
        'maxResults and nextToken cannot be used together with repositoryNames',
      );
    }
    return {
      repositories: names.map(name =>
        repositoryShape(
          registry,
          findRepository(registry, { repositoryName: name }),
        ),
      ),
    };
  }
  const all = [...registry.repositories.values()].sort((a, b) =>
    a.repositoryName.localeCompare(b.repositoryName),
  );
  const page = paginate('DescribeRepositories', all, request, {
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
