import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { EcrClient, ecrApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The ECR plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const ecrPlugin = createPlugin({
  id: 'ecr',
  apis: [
    createApiFactory({
      api: ecrApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new EcrClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The ECR tab of an entity page (legacy frontend system).
 *
 * @public
 */
export const EntityEcrContent: () => JSX.Element = ecrPlugin.provide(
  createRoutableExtension({
    name: 'EntityEcrContent',
    component: () => import('./components/EcrContent').then(m => m.EcrContent),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The ECR overview card of an entity page (legacy frontend system).
 *
 * @public
 */
export const EntityEcrCard: () => JSX.Element = ecrPlugin.provide(
  createComponentExtension({
    name: 'EntityEcrCard',
    component: {
      lazy: () => import('./components/EcrCard').then(m => m.EcrCard),
    },
  }),
);
