import { paginateGetResources } from '@aws-sdk/client-resource-groups-tagging-api';
import type { Entity } from '@backstage/catalog-model';
import { CustomErrorBase, InputError, NotFoundError } from '@backstage/errors';
import {
  ECR_ARN_ANNOTATION,
  ECR_TAGS_ANNOTATION,
  InvalidEcrAnnotationError,
  parseEcrArnAnnotation,
  parseEcrTagsAnnotation,
  parseRepositoryArn,
  type RepositoryArn,
} from '@ecr-kit/backstage-plugin-ecr-common';
import {
  describeAwsError,
  type AwsClients,
} from '@ecr-kit/backstage-plugin-ecr-node';
import { AWS_STEPS } from '../aws/iamActions';
import { cacheKeys } from '../caching/cacheKeys';
import type { CachedLoader } from '../caching/createCachedLoader';

/** Repositories one entity may name, unless `ecr.maxRepositoriesPerEntity` says otherwise. */
export const DEFAULT_MAX_REPOSITORIES_PER_ENTITY = 20;

/** An entity names more repositories than the backend serves per entity (answered 422). */
export class TooManyRepositoriesError extends CustomErrorBase {
  override name = 'TooManyRepositoriesError' as const;
  readonly statusCode = 422;
}

/** Where the `aws.amazon.com/amazon-ecr-tags` annotation is looked up. */
export interface TagLookupTarget {
  readonly accountId: string;
  readonly regions: readonly string[];
}

/** The repositories an entity owns, from its annotations; nothing else is ever served. */
export interface EntityRepositories {
  /** All of the entity's repositories: the ARN annotation plus the tag lookup, de-duplicated. */
  list(entity: Entity): Promise<RepositoryArn[]>;
  /** One of them by ARN: 400 for a malformed ARN, 404 for one the entity does not name. */
  find(entity: Entity, repositoryArn: string): Promise<RepositoryArn>;
}

/** Creates {@link EntityRepositories}; tag lookups go through the cache like listings. */
export function createEntityRepositories(options: {
  clients: AwsClients;
  loader: CachedLoader;
  tagLookup: readonly TagLookupTarget[];
  maxRepositories?: number;
}): EntityRepositories {
  const maxRepositories =
    options.maxRepositories ?? DEFAULT_MAX_REPOSITORIES_PER_ENTITY;
  const { clients, loader } = options;

  async function findByTags(
    filters: { key: string; value: string }[],
    accountId: string,
    region: string,
  ): Promise<string[]> {
    const key = filters
      .map(f => `${f.key}=${f.value}`)
      .sort()
      .join(',');
    const { value } = await loader.load(
      cacheKeys.tags(accountId, region, key),
      async () => {
        const arns: string[] = [];
        try {
          const tagging = await clients.tagging({ accountId, region });
          for await (const page of paginateGetResources(
            { client: tagging },
            {
              ResourceTypeFilters: ['ecr:repository'],
              TagFilters: filters.map(f => ({
                Key: f.key,
                Values: [f.value],
              })),
            },
          )) {
            for (const mapping of page.ResourceTagMappingList ?? []) {
              if (mapping.ResourceARN) arns.push(mapping.ResourceARN);
            }
          }
        } catch (error) {
          throw describeAwsError(error, {
            accountId,
            region,
            ...AWS_STEPS.findByTags,
          });
        }
        return arns;
      },
    );
    return value;
  }

  async function list(entity: Entity): Promise<RepositoryArn[]> {
    const annotations = entity.metadata.annotations ?? {};
    const result = new Map<string, RepositoryArn>();
    try {
      if (annotations[ECR_ARN_ANNOTATION]?.trim()) {
        for (const arn of parseEcrArnAnnotation(
          annotations[ECR_ARN_ANNOTATION],
        )) {
          result.set(arn.arn, arn);
        }
      }
      if (annotations[ECR_TAGS_ANNOTATION]?.trim()) {
        const filters = parseEcrTagsAnnotation(
          annotations[ECR_TAGS_ANNOTATION],
        );
        for (const target of options.tagLookup) {
          for (const region of target.regions) {
            for (const arn of await findByTags(
              filters,
              target.accountId,
              region,
            )) {
              const parsed = parseRepositoryArn(arn);
              result.set(parsed.arn, parsed);
            }
          }
        }
      }
    } catch (error) {
      if (error instanceof InvalidEcrAnnotationError) {
        throw new InputError(
          `Entity ${entity.metadata.name}: ${error.message}`,
        );
      }
      throw error;
    }
    if (result.size > maxRepositories) {
      throw new TooManyRepositoriesError(
        `Entity ${entity.metadata.name} names ${result.size} repositories; the backend serves at most ${maxRepositories} per entity (ecr.maxRepositoriesPerEntity)`,
      );
    }
    return [...result.values()];
  }

  return {
    list,
    async find(entity, repositoryArn) {
      let requested: RepositoryArn;
      try {
        requested = parseRepositoryArn(repositoryArn);
      } catch (error) {
        throw new InputError(`repository: ${(error as Error).message}`);
      }
      const own = (await list(entity)).find(r => r.arn === requested.arn);
      if (!own) {
        throw new NotFoundError(
          `Repository ${requested.repositoryName} is not one of this entity's repositories`,
        );
      }
      return own;
    },
  };
}
