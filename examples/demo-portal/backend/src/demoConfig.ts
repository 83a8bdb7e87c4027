import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { ConfigSources, StaticConfigSource } from '@backstage/config-loader';
import type { JsonObject } from '@backstage/types';

/**
 * The demo's config: `app-config.yaml` (and `app-config.local.yaml`, `--config` arguments
 * and `APP_CONFIG_*` variables, as in any Backstage backend) read from the demo portal's
 * directory, with values known only at start-up (the local ECR API's URL, the port) laid
 * over them.
 */
export async function loadDemoConfig(options: {
  rootDir: string;
  overrides: JsonObject;
  argv?: string[];
}): Promise<Config> {
  const source = ConfigSources.merge([
    ConfigSources.default({
      rootDir: options.rootDir,
      argv: options.argv ?? process.argv,
    }),
    StaticConfigSource.create({
      data: options.overrides,
      context: 'demo-portal start-up',
    }),
  ]);
  return await ConfigSources.toConfig(source);
}

/** The backend's root config service, serving an already loaded config. */
export function staticRootConfigFactory(config: Config) {
  return createServiceFactory({
    service: coreServices.rootConfig,
    deps: {},
    factory: () => config,
  });
}
