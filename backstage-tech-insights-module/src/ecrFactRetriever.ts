import { ResponseError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  FactRetriever,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import type {
  EcrImagesResponse,
  EcrRepositoriesResponse,
} from '@ecr-kit/backstage-plugin-ecr-common';
import {
  ECR_ENTITY_FILTER,
  annotatedEntities,
} from '@ecr-kit/backstage-plugin-ecr-node';
import { ECR_FACT_SCHEMA, entityFacts } from './entityFacts';

/**
 * The retriever's id (its facts are stored under it).
 *
 * @public
 */
export const ECR_FACT_RETRIEVER_ID = 'ecr-kit-facts';

/**
 * A Tech Insights fact retriever with the ECR facts of every entity that has an ECR
 * annotation. The facts come from the ECR backend plugin's own API (`/api/ecr`), which
 * serves them from its cache — the retriever adds no AWS calls of its own.
 *
 * @public
 */
export function createEcrFactRetriever(options: {
  catalog: CatalogService;
  now?: () => number;
}): FactRetriever {
  const now = options.now ?? Date.now;
  return {
    id: ECR_FACT_RETRIEVER_ID,
    version: '0.1.0',
    title: 'Amazon ECR',
    description:
      'Repository settings and the newest image’s findings of each entity with an ECR annotation',
    entityFilter: ECR_ENTITY_FILTER,
    schema: ECR_FACT_SCHEMA,
    async handler({ discovery, auth, logger }) {
      const baseUrl = await discovery.getBaseUrl('ecr');
      const get = async <T>(path: string): Promise<T> => {
        const { token } = await auth.getPluginRequestToken({
          onBehalfOf: await auth.getOwnServiceCredentials(),
          targetPluginId: 'ecr',
        });
        const res = await fetch(`${baseUrl}${path}`, {
          headers: { Authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(60_000),
        });
        if (!res.ok) throw await ResponseError.fromResponse(res);
        return (await res.json()) as T;
      };
      const facts: TechInsightFact[] = [];
      for await (const entity of annotatedEntities(options.catalog, auth)) {
        const {
          kind,
          namespace = 'default',
          name,
        } = {
          kind: entity.kind,
          ...entity.metadata,
        };
        const path = `/entities/${encodeURIComponent(kind.toLocaleLowerCase('en-US'))}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
        try {
          const { repositories, errors } = await get<EcrRepositoriesResponse>(
            `${path}/repositories`,
          );
          for (const error of errors) {
            logger.warn(
              `ECR facts of ${kind}:${namespace}/${name}: ${error.message}`,
            );
          }
          const newest = await Promise.all(
            repositories.map(r =>
              get<EcrImagesResponse>(
                `${path}/images?repository=${encodeURIComponent(r.arn)}&pageSize=1`,
              ).then(page => page.images[0]),
            ),
          );
          const values = entityFacts(repositories, newest, now());
          if (values) {
            facts.push({
              entity: { kind, namespace, name },
              facts: { ...values },
            });
          }
        } catch (error) {
          logger.warn(
            `ECR facts of ${kind}:${namespace}/${name} not read: ${(error as Error).message}`,
          );
        }
      }
      return facts;
    },
  };
}
