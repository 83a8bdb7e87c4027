import type { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { ReactElement } from 'react';
import { ecrApiRef, type EcrApi } from '../api';
import { annotatedEntity } from '../__fixtures__/ecrData';

/** Renders inside a test app with an entity and a stubbed ECR API (no module mocks). */
export function renderWithEntity(
  element: ReactElement,
  options: { api: Partial<EcrApi>; entity?: Entity; route?: string },
) {
  return renderInTestApp(
    <TestApiProvider apis={[[ecrApiRef, options.api]]}>
      <EntityProvider entity={options.entity ?? annotatedEntity}>
        {element}
      </EntityProvider>
    </TestApiProvider>,
    {
      routeEntries: [options.route ?? '/'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
