import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { durationToMilliseconds, type HumanDuration } from '@backstage/types';
import { ecrPermissions } from '@ecr-kit/backstage-plugin-ecr-common';
import { createRouter } from './router';
import { createCachedLoader } from './services/createCachedLoader';
import { createEcrClients } from './services/EcrClients';
import { createEcrService } from './services/EcrService';

/** The ecr-kit ECR backend plugin, served under /api/ecr. */
export const ecrPlugin = createBackendPlugin({
  pluginId: 'ecr',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        cache: coreServices.cache,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger,
        httpRouter,
        httpAuth,
        cache,
        permissions,
        permissionsRegistry,
        catalog,
      }) {
        permissionsRegistry.addPermissions(ecrPermissions);
        const ecrConfig = config.getOptionalConfig('ecr');
        const duration = (key: string, fallback: HumanDuration) => {
          const value = ecrConfig?.getOptional<HumanDuration>(key);
          return durationToMilliseconds(value ?? fallback);
        };
        const clients = createEcrClients({
          credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
          endpoint: ecrConfig?.getOptionalString('endpoint'),
          maxAttempts: ecrConfig?.getOptionalNumber('maxAttempts'),
        });
        const ecr = createEcrService({
          clients,
          logger,
          loader: createCachedLoader({
            cache,
            ttlMs: duration('cache.ttl', { minutes: 5 }),
            staleTtlMs: duration('cache.staleTtl', { days: 1 }),
          }),
          tagLookup: (ecrConfig?.getOptionalConfigArray('tagLookup') ?? []).map(
            c => ({
              accountId: c.getString('accountId'),
              regions: c.getStringArray('regions'),
            }),
          ),
          findingsConcurrency:
            ecrConfig?.getOptionalNumber('findingsConcurrency') ?? 8,
        });
        httpRouter.use(createRouter({ httpAuth, permissions, catalog, ecr }));
      },
    });
  },
});
