import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ecrPermissions } from '@ecr-kit/backstage-plugin-ecr-common';
import { createRouter } from './router';
import { ecrServiceRef } from './services/EcrService';

/** The ecr-kit ECR backend plugin, served under /api/ecr. */
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
      },
      async init({
        logger,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        catalog,
        ecr,
      }) {
        permissionsRegistry.addPermissions(ecrPermissions);
        httpRouter.use(
          createRouter({ httpAuth, permissions, catalog, ecr, logger }),
        );
      },
    });
  },
});
