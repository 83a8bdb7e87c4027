import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  stringifyEntityRef,
  type CompoundEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ecrReadPermission } from '@ecr-kit/backstage-plugin-ecr-common';
import express, { type Request } from 'express';
import Router from 'express-promise-router';
import { entityRefFromPath } from './http/entityRefFromPath';
import { MethodNotAllowedError, createErrorHandler } from './http/errorHandler';
import {
  findingsQuery,
  imagesQuery,
  parseQuery,
  repositoriesQuery,
} from './http/querySchemas';
import type { EcrService } from './services/EcrService';

const ENTITY_PATH = '/entities/:kind/:namespace/:name';
const ROUTES = ['repositories', 'images', 'findings'] as const;

/** The plugin's HTTP API under /api/ecr. Every route names an entity, never a registry. */
export function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  ecr: EcrService;
  logger: LoggerService;
}): express.Router {
  const { httpAuth, permissions, catalog, ecr, logger } = options;
  const router = Router();
  router.use(express.json({ limit: '16kb' }));

  /**
   * The entity of the path, fetched by its parsed ref with the caller's credentials (an
   * entity they cannot see does not exist for them); the permission is checked on the ref
   * of the entity actually fetched.
   */
  async function loadEntity(req: Request): Promise<Entity> {
    const requested: CompoundEntityRef = entityRefFromPath(req.params);
    const credentials = await httpAuth.credentials(req);
    let entity: Entity | undefined;
    try {
      entity = await catalog.getEntityByRef(requested, { credentials });
    } catch (error) {
      logger.warn(`Catalog lookup failed: ${(error as Error).name}`);
      throw new ServiceUnavailableError(
        'The catalog could not be read; try again shortly',
      );
    }
    const ref = entity && stringifyEntityRef(entity);
    if (!entity || ref !== stringifyEntityRef(requested)) {
      throw new NotFoundError(
        `Entity ${stringifyEntityRef(requested)} not found`,
      );
    }
    const [decision] = await permissions.authorize(
      [{ permission: ecrReadPermission, resourceRef: ref! }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may see ${ref} but not its ECR data (permission ${ecrReadPermission.name})`,
      );
    }
    return entity;
  }

  router.get(`${ENTITY_PATH}/repositories`, async (req, res) => {
    parseQuery(repositoriesQuery, req.query);
    res.json(await ecr.listRepositories(await loadEntity(req)));
  });

  router.get(`${ENTITY_PATH}/images`, async (req, res) => {
    const query = parseQuery(imagesQuery, req.query);
    const entity = await loadEntity(req);
    const { repository, ...rest } = query;
    res.json(await ecr.listImages(entity, repository, rest));
  });

  router.get(`${ENTITY_PATH}/findings`, async (req, res) => {
    const query = parseQuery(findingsQuery, req.query);
    const entity = await loadEntity(req);
    res.json(
      await ecr.getFindings(entity, query.repository, query.digest, {
        minSeverity: query.minSeverity,
        fixableOnly: query.fixable === 'true',
      }),
    );
  });

  for (const route of ROUTES) {
    router.all(`${ENTITY_PATH}/${route}`, req => {
      throw new MethodNotAllowedError(
        `${req.method} is not allowed on /${route}; use GET`,
      );
    });
  }
  router.use(() => {
    throw new NotFoundError(
      `No such route under /api/ecr; the routes are GET ${ENTITY_PATH}/{${ROUTES.join(',')}}`,
    );
  });
  router.use(createErrorHandler(logger));
  return router;
}
