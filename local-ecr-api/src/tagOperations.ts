import {
  invalidParameter,
  invalidParameterAt,
  repositoryNotFound,
} from './EcrApiError';
import type { RepositoryRecord, Tag } from './model';
import type { Registry } from './Registry';
import { checkTags, mergeTags } from './validation/tagRules';
import type { Request } from './world/OperationContext';

const REPOSITORY_ARN =
  /^arn:(aws[a-z-]*):ecr:([a-z0-9-]+):(\d{12}):repository\/(.+)$/;

/** The repository an ARN names in the caller's registry (same partition, Region, account). */
function repositoryByArn(registry: Registry, arn: unknown): RepositoryRecord {
  const match = REPOSITORY_ARN.exec(String(arn));
  if (!match) throw invalidParameterAt('resourceArn', 'Invalid ARN');
  const [, , region, account, name] = match;
  const repository =
    registry.repositoryArn(name) === arn
      ? registry.repositories.get(name)
      : undefined;
  if (!repository) {
    throw repositoryNotFound(
      name,
      region === registry.region ? account : registry.accountId,
    );
  }
  return repository;
}

/** TagResource: all tags checked and counted before any is written. */
export function tagResource(registry: Registry, request: Request) {
  const repository = repositoryByArn(registry, request.resourceArn);
  const tags = request.tags as Tag[];
  checkTags(tags);
  repository.tags = mergeTags(
    repository.tags,
    tags,
    `repository ${repository.repositoryName}`,
  );
  return {};
}

export function untagResource(registry: Registry, request: Request) {
  const repository = repositoryByArn(registry, request.resourceArn);
  const keys = request.tagKeys as string[];
  checkTags([...new Set(keys)].map(Key => ({ Key, Value: '' })));
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
  const arns = request.ResourceARNList as string[] | undefined;
  const matches = [...registry.repositories.values()].filter(
    repository =>
      (!arns ||
        arns.includes(registry.repositoryArn(repository.repositoryName))) &&
      filters.every(filter =>
        repository.tags.some(
          tag =>
            tag.Key === filter.Key &&
            (!filter.Values?.length || filter.Values.includes(tag.Value)),
        ),
      ),
  );
  // The model leaves ResourcesPerPage unbounded; the API reference gives 1–100 (default 50).
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
