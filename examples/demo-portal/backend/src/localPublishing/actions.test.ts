import { ScmIntegrations } from '@backstage/integration';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPublishLocalAction } from './publishLocalAction';
import { createRegisterFileAction } from './registerFileAction';

let publishRoot: string;
let workspacePath: string;

beforeEach(async () => {
  publishRoot = await mkdtemp(join(tmpdir(), 'demo-published-'));
  workspacePath = await mkdtemp(join(tmpdir(), 'demo-workspace-'));
  await mkdir(join(workspacePath, 'src'));
  await writeFile(join(workspacePath, 'src/server.js'), 'listen()\n');
  await writeFile(
    join(workspacePath, 'catalog-info.yaml'),
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: billing-api',
      'spec: { type: service, owner: payments, lifecycle: experimental }',
      '',
    ].join('\n'),
  );
});
afterEach(async () => {
  await rm(publishRoot, { recursive: true, force: true });
  await rm(workspacePath, { recursive: true, force: true });
});

const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));

describe('demo:publish:local', () => {
  it('copies the workspace to <root>/<host>/<owner>/<repo> and gives publish:github’s outputs', async () => {
    const action = createPublishLocalAction({ publishRoot, integrations });
    const ctx = createMockActionContext({
      workspacePath,
      input: {
        repoUrl: 'github.com?owner=acme&repo=billing-api',
        // publish:github inputs the demo does not need are accepted and ignored.
        repoVisibility: 'private',
      },
    });
    await action.handler(ctx);

    const target = join(publishRoot, 'github.com/acme/billing-api');
    expect(await readFile(join(target, 'src/server.js'), 'utf8')).toBe(
      'listen()\n',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'remoteUrl',
      pathToFileURL(target).href,
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'repoContentsUrl',
      `${pathToFileURL(target).href}/`,
    );
  });

  it('refuses a repository location that leaves the publish directory', async () => {
    const action = createPublishLocalAction({ publishRoot, integrations });
    const ctx = createMockActionContext({
      workspacePath,
      input: { repoUrl: 'github.com?owner=..&repo=..' },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /leaves the publish directory/,
    );
  });
});

describe('demo:catalog:register-file', () => {
  it('registers the published file as a file location and waits until the catalog has the entity', async () => {
    const published = join(publishRoot, 'github.com/acme/billing-api');
    await mkdir(published, { recursive: true });
    await writeFile(
      join(published, 'catalog-info.yaml'),
      await readFile(join(workspacePath, 'catalog-info.yaml')),
    );
    const catalog = catalogServiceMock.mock();
    catalog.addLocation.mockResolvedValue({} as never);
    catalog.getEntityByRef
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce({ kind: 'Component' } as never);
    const action = createRegisterFileAction({ publishRoot, catalog });
    const ctx = createMockActionContext({
      input: {
        repoContentsUrl: `${pathToFileURL(published).href}/`,
        catalogInfoPath: '/catalog-info.yaml',
      },
    });
    await action.handler(ctx);

    expect(catalog.addLocation).toHaveBeenCalledWith(
      { type: 'file', target: join(published, 'catalog-info.yaml') },
      expect.anything(),
    );
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/billing-api',
    );
  });

  it('refuses a file outside the publish directory', async () => {
    const catalog = catalogServiceMock.mock();
    const action = createRegisterFileAction({ publishRoot, catalog });
    const ctx = createMockActionContext({
      input: {
        repoContentsUrl: `${pathToFileURL(workspacePath).href}/`,
        catalogInfoPath: '/catalog-info.yaml',
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /not in the demo's publish directory/,
    );
    expect(catalog.addLocation).not.toHaveBeenCalled();
  });
});
