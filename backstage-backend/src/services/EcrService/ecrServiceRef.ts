import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { ecrServiceFromConfig } from './ecrServiceFromConfig';
import type { EcrService } from './types';

/**
 * The ECR data service of the plugin. Replace it to change where ECR data comes from (e.g.
 * a proxy, or extra accounts), as with any Backstage service: provide your own factory for
 * this ref in the backend's features.
 *
 * @public
 */
export const ecrServiceRef = createServiceRef<EcrService>({
  id: 'ecr-kit.ecr',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
        database: coreServices.database,
      },
      factory: deps => ecrServiceFromConfig(deps),
    }),
});
