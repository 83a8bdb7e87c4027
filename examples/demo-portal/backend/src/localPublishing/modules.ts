import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import {
  catalogLocationsExtensionPoint,
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { LocalPublishingTemplateProcessor } from './LocalPublishingTemplateProcessor';
import { createPublishLocalAction } from './publishLocalAction';
import { createRegisterFileAction } from './registerFileAction';

/**
 * The demo's stand-in for a git host: scaffolder actions that publish to a local
 * directory and register the result as a `file` location, and a catalog module that
 * points templates at them and accepts `file` locations from the API.
 */
export function localPublishingModules(options: { publishRoot: string }) {
  const scaffolderModule = createBackendModule({
    pluginId: 'scaffolder',
    moduleId: 'demo-local-publishing',
    register(env) {
      env.registerInit({
        deps: {
          actions: scaffolderActionsExtensionPoint,
          config: coreServices.rootConfig,
          catalog: catalogServiceRef,
        },
        async init({ actions, config, catalog }) {
          actions.addActions(
            createPublishLocalAction({
              publishRoot: options.publishRoot,
              integrations: ScmIntegrations.fromConfig(config),
            }),
            createRegisterFileAction({
              publishRoot: options.publishRoot,
              catalog,
            }),
          );
        },
      });
    },
  });

  const catalogModule = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'demo-local-publishing',
    register(env) {
      env.registerInit({
        deps: {
          processing: catalogProcessingExtensionPoint,
          locations: catalogLocationsExtensionPoint,
        },
        async init({ processing, locations }) {
          processing.addProcessor(new LocalPublishingTemplateProcessor());
          locations.setAllowedLocationTypes(['url', 'file']);
        },
      });
    },
  });

  return [scaffolderModule, catalogModule];
}
