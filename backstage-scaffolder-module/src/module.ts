import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createEcrRepositoryActionFromConfig } from './actions/createEcrRepositoryActionFromConfig';

/**
 * Scaffolder module adding the `ecr:repository:create` action.
 *
 * @public
 */
export const ecrScaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'ecr',
  register(env) {
    env.registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolderActions, config }) {
        scaffolderActions.addActions(
          createEcrRepositoryActionFromConfig(config),
        );
      },
    });
  },
});
