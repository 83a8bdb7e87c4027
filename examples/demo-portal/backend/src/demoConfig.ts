import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { ConfigSources, StaticConfigSource } from '@backstage/config-loader';
import type { JsonObject } from '@backstage/types';
import { ECR_EXAMPLE_CHECKS_CONFIG } from '@ecr-kit/backstage-plugin-tech-insights-backend-module-ecr';

/** Under the files: the scorecard's checks, the ECR module's examples (files may add or replace). */
const DEMO_DEFAULTS = {
  techInsights: { factChecker: { checks: ECR_EXAMPLE_CHECKS_CONFIG } },
} as unknown as JsonObject;

/**
 * The demo's config: the example scorecard checks, then `app-config.yaml` (and `app-config.local.yaml`, `--config` arguments
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
    StaticConfigSource.create({
      data: DEMO_DEFAULTS,
      context: 'ecr-kit example checks',
    }),
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
