import {
  DescribeRepositoriesCommand,
  type Repository,
} from '@aws-sdk/client-ecr';
import { GetResourcesCommand } from '@aws-sdk/client-resource-groups-tagging-api';
import {
  describeAwsError,
  type AwsClients,
} from '@ecr-kit/backstage-plugin-ecr-node';

/** A repository as DescribeRepositories returns it, with its tags. */
export interface DiscoveredRepository {
  readonly accountId: string;
  readonly region: string;
  readonly repository: Repository;
  readonly tags: Readonly<Record<string, string>>;
}

/** What each step needs in IAM, named when AWS refuses it. */
export const DISCOVERY_STEPS = {
  list: {
    action: 'list repositories',
    iamActions: ['ecr:DescribeRepositories'],
  },
  tags: {
    action: 'read repository tags',
    iamActions: ['tag:GetResources'],
  },
} as const;

/** ECR's largest DescribeRepositories page. */
const REPOSITORIES_PER_PAGE = 1000;
/** The Resource Groups Tagging API's largest GetResources page. */
const TAGGED_RESOURCES_PER_PAGE = 100;

/**
 * Every repository of one account and Region with its tags: DescribeRepositories in pages
 * of 1,000 and — rather than one ListTagsForResource per repository — the tags of all of
 * them through GetResources in pages of 100 (the permission the backend plugin's tag
 * lookup already needs). Both chains run side by side; the clients pace them.
 */
export async function discoverRepositories(
  clients: AwsClients,
  target: { accountId: string; region: string },
): Promise<DiscoveredRepository[]> {
  const listing = (async () => {
    const ecr = await clients.ecr(target);
    const repositories: Repository[] = [];
    let nextToken: string | undefined;
    do {
      const page = await ecr
        .send(
          new DescribeRepositoriesCommand({
            registryId: target.accountId,
            maxResults: REPOSITORIES_PER_PAGE,
            nextToken,
          }),
        )
        .catch(error => {
          throw describeAwsError(error, { ...target, ...DISCOVERY_STEPS.list });
        });
      repositories.push(...(page.repositories ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return repositories;
  })();
  const tagging = (async () => {
    const client = await clients.tagging(target);
    const tags = new Map<string, Record<string, string>>();
    let token: string | undefined;
    do {
      const page = await client
        .send(
          new GetResourcesCommand({
            ResourceTypeFilters: ['ecr:repository'],
            ResourcesPerPage: TAGGED_RESOURCES_PER_PAGE,
            PaginationToken: token,
          }),
        )
        .catch(error => {
          throw describeAwsError(error, { ...target, ...DISCOVERY_STEPS.tags });
        });
      for (const mapping of page.ResourceTagMappingList ?? []) {
        if (!mapping.ResourceARN) continue;
        tags.set(
          mapping.ResourceARN,
          Object.fromEntries(
            (mapping.Tags ?? []).map(tag => [tag.Key ?? '', tag.Value ?? '']),
          ),
        );
      }
      token = page.PaginationToken || undefined;
    } while (token);
    return tags;
  })();
  const [repositories, tags] = await Promise.all([listing, tagging]);
  return repositories.map(repository => ({
    ...target,
    repository,
    tags: tags.get(repository.repositoryArn ?? '') ?? {},
  }));
}
