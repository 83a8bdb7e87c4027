import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createBackendModule,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import { startLocalEcrApi, type LocalEcrApi } from '@ecr-kit/local-ecr-api';
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDemoConfig, staticRootConfigFactory } from './demoConfig';
import { localPublishingModules } from './localPublishing';

/** The demo portal's directory: app-config.yaml, catalog/, local-ecr/. */
export const DEMO_ROOT = resolvePackagePath(
  '@ecr-kit/demo-portal-backend',
  '..',
);

/** Options of {@link startDemoPortal}. */
export interface DemoPortalOptions {
  /** Port of the backend (which also serves the app); default from app-config.yaml (7007). */
  readonly port?: number;
  /** Port of the local ECR API; default 0 (any free port). */
  readonly ecrPort?: number;
}

/** A running demo portal. */
export interface DemoPortal {
  /** Where the portal is served (app and API). */
  readonly url: string;
  readonly localEcr: LocalEcrApi;
  stop(): Promise<void>;
}

/**
 * The local ECR API seeded with the demo registry (`local-ecr/registry.json`, generated
 * images from seed 7), on `port` (default: a free one).
 */
export function startDemoLocalEcr(port = 0): Promise<LocalEcrApi> {
  return startLocalEcrApi({
    port,
    fixture: resolve(DEMO_ROOT, 'local-ecr/registry.json'),
    seed: 7,
  });
}

/**
 * Starts the local ECR API, seeded with the demo registry, then the Backstage backend
 * (catalog, scaffolder, guest sign-in, Tech Insights, the ecr-kit plugins and the built app) pointed
 * at it. Resolves once the backend is listening.
 */
export async function startDemoPortal(
  options: DemoPortalOptions = {},
): Promise<DemoPortal> {
  const localEcr = await startDemoLocalEcr(options.ecrPort);
  // Where the demo's templates "publish" new services (there is no git host).
  const publishRoot = await mkdtemp(join(tmpdir(), 'ecr-kit-demo-published-'));
  // Synchronous, on exit: Ctrl-C signals the backend twice (from the terminal and from
  // backstage-cli), and the second signal ends the process before async shutdown hooks run.
  const removePublished = () =>
    rmSync(publishRoot, { recursive: true, force: true });
  process.once('exit', removePublished);
  let cleaned: Promise<void> | undefined;
  const cleanUp = () => {
    cleaned ??= localEcr.stop().finally(() => {
      removePublished();
      process.off('exit', removePublished);
    });
    return cleaned;
  };

  const overrides: JsonObject = { ecr: { endpoint: localEcr.url } };
  if (options.port !== undefined) {
    const url = `http://localhost:${options.port}`;
    overrides.backend = { baseUrl: url, listen: { port: options.port } };
    overrides.app = { baseUrl: url };
  }
  let config;
  try {
    config = await loadDemoConfig({ rootDir: DEMO_ROOT, overrides });
  } catch (error) {
    await cleanUp();
    throw error;
  }

  const backend = createBackend();
  backend.add(staticRootConfigFactory(config));

  backend.add(import('@backstage/plugin-app-backend'));
  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(
    import('@backstage/plugin-permission-backend-module-allow-all-policy'),
  );
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(import('@ecr-kit/backstage-plugin-catalog-backend-module-ecr'));
  backend.add(
    import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
  );
  backend.add(import('@backstage/plugin-scaffolder-backend'));
  backend.add(
    import('@ecr-kit/backstage-plugin-scaffolder-backend-module-ecr'),
  );
  for (const module of localPublishingModules({ publishRoot })) {
    backend.add(module);
  }
  backend.add(import('@ecr-kit/backstage-plugin-ecr-backend'));
  // The scorecard: Tech Insights with the JSON rules engine checks and the ECR facts.
  backend.add(import('@backstage-community/plugin-tech-insights-backend'));
  backend.add(
    import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
  );
  backend.add(
    import('@ecr-kit/backstage-plugin-tech-insights-backend-module-ecr'),
  );
  // Ctrl-C stops the backend through its own signal handling; the local ECR API (in this
  // process) and the published files go with it.
  backend.add(
    createBackendModule({
      pluginId: 'ecr',
      moduleId: 'demo-local-ecr',
      register(env) {
        env.registerInit({
          deps: { rootLifecycle: coreServices.rootLifecycle },
          async init({ rootLifecycle }) {
            rootLifecycle.addShutdownHook(cleanUp);
          },
        });
      },
    }),
  );

  try {
    await backend.start();
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    url: config.getString('app.baseUrl'),
    localEcr,
    async stop() {
      await backend.stop();
    },
  };
}
