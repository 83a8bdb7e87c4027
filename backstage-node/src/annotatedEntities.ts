import type { AuthService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ECR_ARN_ANNOTATION,
  ECR_TAGS_ANNOTATION,
} from '@ecr-kit/backstage-plugin-ecr-common';

/**
 * The catalog filter for entities with either ECR annotation (either one is enough).
 *
 * @public
 */
export const ECR_ENTITY_FILTER: Record<string, symbol>[] = [
  { [`metadata.annotations.${ECR_ARN_ANNOTATION}`]: CATALOG_FILTER_EXISTS },
  { [`metadata.annotations.${ECR_TAGS_ANNOTATION}`]: CATALOG_FILTER_EXISTS },
];

/** Entities read from the catalog per request. */
const CATALOG_PAGE = 100;

/**
 * Every entity with an ECR annotation, page by page, with the caller's own service credentials.
 *
 * @public
 */
export async function* annotatedEntities(
  catalog: CatalogService,
  auth: AuthService,
): AsyncGenerator<Entity> {
  const credentials = await auth.getOwnServiceCredentials();
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: CATALOG_PAGE }
        : { filter: ECR_ENTITY_FILTER, limit: CATALOG_PAGE },
      { credentials },
    );
    yield* page.items;
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
}
