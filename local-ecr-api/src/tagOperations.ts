import { invalidParameter, repositoryNotFound } from './EcrApiError';
import type { RepositoryRecord, Tag } from './model';
import type { Registry } from './Registry';

type Request = Record<string, unknown>;

function repositoryByArn(registry: Registry, arn: unknown): RepositoryRecord {
  const prefix = `arn:aws:ecr:${registry.region}:${registry.accountId}:repository/`;
  if (typeof arn !== 'string' || !arn.startsWith('arn:aws:ecr:')) {
    throw invalidParameter(
      `Invalid parameter at 'resourceArn' failed to satisfy constraint: 'Invalid ARN'`,
    );
  }
  const name = arn.startsWith(prefix) ? arn.slice(prefix.length) : '';
  const repository = registry.repositories.get(name);
  if (!repository) throw repositoryNotFound(name || arn, registry.accountId);
  return repository;
}

export function tagResource(registry: Registry, request: Request) {
  const repository = repositoryByArn(registry, request.resourceArn);
  const tags = (request.tags as Tag[] | undefined) ?? [];
  for (const tag of tags) {
    if (!tag.Key) throw invalidParameter('Tag keys must not be empty');
    repository.tags = [...repository.tags.filter(t => t.Key !== tag.Key), tag];
  }
  if (repository.tags.length > 50) {
    throw invalidParameter('A repository can have at most 50 tags');
  }
  return {};
}

export function untagResource(registry: Registry, request: Request) {
  const repository = repositoryByArn(registry, request.resourceArn);
  const keys = (request.tagKeys as string[] | undefined) ?? [];
  repository.tags = repository.tags.filter(t => !keys.includes(t.Key));
  return {};
}

export function listTagsForResource(registry: Registry, request: Request) {
  const repository = repositoryByArn(registry, request.resourceArn);
  return { tags: repository.tags };
}

/**
 * Resource Groups Tagging API `GetResources`, restricted to ECR repositories of the
 * caller's registry. Tag filters AND together; a filter's values OR together, and no
 * values means "has the key". The last page has an empty `PaginationToken`.
 */
export function getResources(registry: Registry, request: Request) {
  const types = request.ResourceTypeFilters as string[] | undefined;
  if (types && !types.some(t => t === 'ecr' || t === 'ecr:repository')) {
    return { ResourceTagMappingList: [], PaginationToken: '' };
  }
  const filters =
    (request.TagFilters as { Key: string; Values?: string[] }[] | undefined) ??
    [];
  const matches = [...registry.repositories.values()].filter(repository =>
    filters.every(filter =>
      repository.tags.some(
        tag =>
          tag.Key === filter.Key &&
          (!filter.Values?.length || filter.Values.includes(tag.Value)),
      ),
    ),
  );
  const perPage = (request.ResourcesPerPage as number | undefined) ?? 50;
  if (perPage < 1 || perPage > 100) {
    throw invalidParameter('ResourcesPerPage must be between 1 and 100');
  }
  const start = request.PaginationToken
    ? Number(
        Buffer.from(String(request.PaginationToken), 'base64url').toString(),
      )
    : 0;
  if (!Number.isInteger(start) || start < 0) {
    throw invalidParameter('Invalid PaginationToken');
  }
  const page = matches.slice(start, start + perPage);
  const next = start + perPage < matches.length ? start + perPage : undefined;
  return {
    ResourceTagMappingList: page.map(repository => ({
      ResourceARN: registry.repositoryArn(repository.repositoryName),
      Tags: repository.tags,
    })),
    PaginationToken:
      next === undefined ? '' : Buffer.from(String(next)).toString('base64url'),
  };
}
