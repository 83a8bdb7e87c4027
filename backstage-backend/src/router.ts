import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  SEVERITIES,
  ecrReadPermission,
} from '@ecr-kit/backstage-plugin-ecr-common';
import express, { type Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { EcrService } from './services/EcrService';

const severity = z.enum(SEVERITIES);

const imagesQuery = z
  .object({
    repository: z
      .string()
      .min(1, 'repository (the repository ARN) is required'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    sort: z
      .enum(['pushedAt', 'lastPulledAt', 'size', 'tag'])
      .default('pushedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    tag: z.string().max(128).optional(),
    tagStatus: z.enum(['TAGGED', 'UNTAGGED', 'ANY']).default('ANY'),
    minSeverity: severity.optional(),
    kind: z
      .enum([
        'image',
        'image-index',
        'helm-chart',
        'signature',
        'sbom',
        'attestation',
        'other',
      ])
      .optional(),
  })
  .strict();

const findingsQuery = z
  .object({
    repository: z
      .string()
      .min(1, 'repository (the repository ARN) is required'),
    digest: z
      .string()
      .regex(
        /^sha256:[0-9a-f]{64}$/,
        'digest must be sha256: followed by 64 hex digits',
      ),
    minSeverity: severity.optional(),
    fixable: z.enum(['true', 'false']).optional(),
  })
  .strict();

function parse<T extends z.ZodTypeAny>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.join('.') || 'query';
    throw new InputError(`Invalid ${field}: ${issue.message}`);
  }
  return result.data;
}

/** The plugin's HTTP API under /api/ecr. Every route names an entity, never a registry. */
export function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  ecr: EcrService;
}): express.Router {
  const { httpAuth, permissions, catalog, ecr } = options;
  const router = Router();
  router.use(express.json());

  async function loadEntity(req: Request) {
    const { kind, namespace, name } = req.params;
    const ref = stringifyEntityRef({ kind, namespace, name });
    const credentials = await httpAuth.credentials(req);
    // The caller's own credentials: an entity they cannot see does not exist for them.
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) throw new NotFoundError(`Entity ${ref} not found`);
    const [decision] = await permissions.authorize(
      [{ permission: ecrReadPermission, resourceRef: ref }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may see ${ref} but not its ECR data (permission ${ecrReadPermission.name})`,
      );
    }
    return entity;
  }

  router.get(
    '/entities/:kind/:namespace/:name/repositories',
    async (req, res) => {
      res.json(await ecr.listRepositories(await loadEntity(req)));
    },
  );

  router.get('/entities/:kind/:namespace/:name/images', async (req, res) => {
    const query = parse(imagesQuery, req.query);
    const entity = await loadEntity(req);
    const { repository, ...rest } = query;
    res.json(await ecr.listImages(entity, repository, rest));
  });

  router.get('/entities/:kind/:namespace/:name/findings', async (req, res) => {
    const query = parse(findingsQuery, req.query);
    const entity = await loadEntity(req);
    res.json(
      await ecr.getFindings(entity, query.repository, query.digest, {
        minSeverity: query.minSeverity,
        fixableOnly: query.fixable === 'true',
      }),
    );
  });

  return router;
}
