import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { awsClientsFromConfig } from '@ecr-kit/backstage-plugin-ecr-node';
import { EcrEntityProvider } from './provider/EcrEntityProvider';
import {
  readProviderSchedule,
  readProviderSettings,
} from './provider/settings';

/**
 * Catalog module adding the ECR entity provider, configured under `ecr.entityProvider`.
 * Without that key it adds nothing.
 *
 * @public
 */
export const catalogModuleEcrEntityProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'ecr-entity-provider',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, config, logger, scheduler }) {
        const settings = readProviderSettings(config);
        if (!settings) {
          logger.info(
            'ECR entity provider not configured (ecr.entityProvider); no repositories are discovered',
          );
          return;
        }
        catalog.addEntityProvider(
          EcrEntityProvider.create({
            clients: awsClientsFromConfig(config),
            settings,
            logger,
            taskRunner: scheduler.createScheduledTaskRunner(
              readProviderSchedule(config),
            ),
          }),
        );
      },
    });
  },
});
