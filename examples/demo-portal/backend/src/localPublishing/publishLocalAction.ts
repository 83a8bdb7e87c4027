import { InputError } from '@backstage/errors';
import {
  createTemplateAction,
  parseRepoUrl,
} from '@backstage/plugin-scaffolder-node';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import { cp, mkdir } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Id of the action that stands in for `publish:github` in the demo. */
export const PUBLISH_LOCAL_ACTION_ID = 'demo:publish:local';

/**
 * `demo:publish:local`: "publishes" the workspace by copying it into a directory of the
 * demo portal, `<publishRoot>/<host>/<owner>/<repo>`. It takes the inputs of
 * `publish:github` (extra inputs are ignored) and gives the outputs later steps read.
 */
export function createPublishLocalAction(options: {
  publishRoot: string;
  integrations: ScmIntegrationRegistry;
}) {
  return createTemplateAction({
    id: PUBLISH_LOCAL_ACTION_ID,
    description:
      'Demo only: copies the workspace into a local directory instead of a git host.',
    schema: {
      input: z =>
        z
          .object({
            repoUrl: z
              .string()
              .describe(
                'Repository location as RepoUrlPicker gives it, e.g. github.com?owner=acme&repo=payments',
              ),
            sourcePath: z
              .string()
              .optional()
              .describe(
                'Subdirectory of the workspace to publish. Default: all.',
              ),
          })
          .passthrough(),
      output: {
        remoteUrl: z =>
          z.string().describe('file: URL of the published directory'),
        repoContentsUrl: z =>
          z
            .string()
            .describe('file: URL of the published contents, with a trailing /'),
        publishedPath: z =>
          z.string().describe('Absolute path of the published directory'),
      },
    },
    async handler(ctx) {
      const { host, owner, repo } = parseRepoUrl(
        ctx.input.repoUrl,
        options.integrations,
      );
      if (!owner) {
        throw new InputError(`repoUrl ${ctx.input.repoUrl} has no owner`);
      }
      const root = resolve(options.publishRoot);
      const target = resolve(root, host, owner, repo);
      if (!target.startsWith(root + sep)) {
        throw new InputError(
          `repoUrl ${ctx.input.repoUrl} leaves the publish directory`,
        );
      }
      const source = ctx.input.sourcePath
        ? resolve(ctx.workspacePath, ctx.input.sourcePath)
        : ctx.workspacePath;
      await mkdir(target, { recursive: true });
      await cp(source, target, { recursive: true, force: true });
      ctx.logger.info(`Published ${ctx.input.repoUrl} to ${target}`);
      const url = pathToFileURL(target).href;
      ctx.output('remoteUrl', url);
      ctx.output('repoContentsUrl', `${url}/`);
      ctx.output('publishedPath', join(target));
    },
  });
}
