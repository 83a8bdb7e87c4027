import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import express, { type Request } from 'express';
import Router from 'express-promise-router';
import { loadAuthorizedEntity } from './access/loadAuthorizedEntity';
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

  /** The entity of the path, for the caller (see {@link loadAuthorizedEntity}). */
  async function loadEntity(req: Request): Promise<Entity> {
    const requested: CompoundEntityRef = entityRefFromPath(req.params);
    const credentials = await httpAuth.credentials(req);
    return loadAuthorizedEntity(
      { catalog, permissions, logger },
      requested,
      credentials,
    );
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
