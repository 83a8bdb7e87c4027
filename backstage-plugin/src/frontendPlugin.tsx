import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { isEcrAvailable } from '@ecr-kit/backstage-plugin-ecr-common';
import { EcrClient, ecrApiRef } from './api';

/** The {@link EcrClient} as the app's `plugin.ecr.api`. */
export const ecrApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: ecrApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new EcrClient({ discoveryApi, fetchApi }),
    }),
});

/** The ECR tab, only on entities with an ECR annotation. */
export const ecrEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'ecr',
    title: 'ECR',
    filter: isEcrAvailable,
    loader: () => import('./components/EcrContent').then(m => <m.EcrContent />),
  },
});

/** The ECR overview card, only on entities with an ECR annotation. */
export const ecrEntityCard = EntityCardBlueprint.make({
  params: {
    filter: isEcrAvailable,
    loader: () => import('./components/EcrCard').then(m => <m.EcrCard />),
  },
});

/**
 * The ECR plugin for apps on the new frontend system: the `plugin.ecr.api` API, the
 * `entity-content:ecr` tab and the `entity-card:ecr` overview card.
 *
 * @public
 */
export const ecrFrontendPlugin = createFrontendPlugin({
  pluginId: 'ecr',
  title: 'Amazon ECR',
  extensions: [ecrApi, ecrEntityContent, ecrEntityCard],
});
