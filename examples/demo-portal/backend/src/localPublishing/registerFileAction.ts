import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

/** Id of the action that stands in for `catalog:register` in the demo. */
export const REGISTER_FILE_ACTION_ID = 'demo:catalog:register-file';

/**
 * `demo:catalog:register-file`: registers a published catalog file as a `file` location
 * (the demo has no git host to serve a `url` location). Takes the inputs of
 * `catalog:register` and gives its `entityRef` and `catalogInfoUrl` outputs.
 */
export function createRegisterFileAction(options: {
  publishRoot: string;
  catalog: CatalogService;
  /** How long to wait for the catalog to process the new entity; default 30 s. */
  waitForEntityMs?: number;
}) {
  return createTemplateAction({
    id: REGISTER_FILE_ACTION_ID,
    description:
      'Demo only: registers a catalog file published by demo:publish:local.',
    schema: {
      input: {
        repoContentsUrl: z =>
          z.string().describe('file: URL given by demo:publish:local'),
        catalogInfoPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Path of the catalog file in it. Default: /catalog-info.yaml',
            ),
      },
      output: {
        entityRef: z => z.string().describe('The registered component'),
        catalogInfoUrl: z =>
          z.string().describe('file: URL of the catalog file'),
      },
    },
    async handler(ctx) {
      const base = fileURLToPath(ctx.input.repoContentsUrl);
      const path = resolve(
        base,
        `.${ctx.input.catalogInfoPath ?? '/catalog-info.yaml'}`,
      );
      const root = resolve(options.publishRoot);
      if (!path.startsWith(root + sep)) {
        throw new InputError(`${path} is not in the demo's publish directory`);
      }
      const entities = parseAllDocuments(await readFile(path, 'utf8')).map(
        doc => doc.toJSON() as Entity,
      );
      const entity =
        entities.find(e => e?.kind === 'Component') ?? entities.find(Boolean);
      if (!entity) throw new InputError(`${path} holds no entity`);

      const credentials = await ctx.getInitiatorCredentials();
      await options.catalog.addLocation(
        { type: 'file', target: path },
        { credentials },
      );
      // Wait until the catalog has processed the new location, so that "Open in catalog"
      // at the end of the run shows the entity rather than "not found".
      const entityRef = stringifyEntityRef(entity);
      const deadline = Date.now() + (options.waitForEntityMs ?? 30_000);
      while (
        !(await options.catalog.getEntityByRef(entityRef, { credentials }))
      ) {
        if (Date.now() > deadline) {
          ctx.logger.warn(
            `${entityRef} is not in the catalog yet; it will appear shortly`,
          );
          break;
        }
        await sleep(500);
      }
      ctx.output('entityRef', entityRef);
      ctx.output('catalogInfoUrl', `file://${path}`);
    },
  });
}
