import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ecrPermissions } from '@ecr-kit/backstage-plugin-ecr-common';
import { registerEcrActions } from './actions/ecrActions';
import { readPrewarmSettings } from './prewarm/prewarmSettings';
import { schedulePrewarm } from './prewarm/schedulePrewarm';
import { createRouter } from './router';
import { ecrServiceRef } from './services/EcrService';
import { readCacheTtls } from './services/EcrService/ecrServiceFromConfig';

/**
 * The ecr-kit ECR backend plugin, served under /api/ecr.
 *
 * @public
 */
export const ecrPlugin = createBackendPlugin({
  pluginId: 'ecr',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        ecr: ecrServiceRef,
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({
        logger,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        catalog,
        ecr,
        config,
        scheduler,
        auth,
        actionsRegistry,
      }) {
        permissionsRegistry.addPermissions(ecrPermissions);
        httpRouter.use(
          createRouter({ httpAuth, permissions, catalog, ecr, logger }),
        );
        // The same entity-scoped reads for automation (MCP, AI assistants).
        registerEcrActions({
          actionsRegistry,
          access: { catalog, permissions, logger },
          ecr,
        });
        // Keeps annotated entities' listings warm: one replica runs each run.
        await schedulePrewarm({
          scheduler,
          ecr,
          catalog,
          auth,
          logger,
          settings: readPrewarmSettings(config),
          ttlMs: readCacheTtls(config).ttlMs,
        });
      },
    });
  },
});
