import type { Entity } from '@backstage/catalog-model';
import { configApiRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { ReactElement } from 'react';
import { ecrApiRef, type EcrApi } from '../api';
import { annotatedEntity } from '../__fixtures__/ecrData';

/** Renders inside a test app with an entity, a stubbed ECR API and app config (no module mocks). */
export function renderWithEntity(
  element: ReactElement,
  options: {
    api: Partial<EcrApi>;
    entity?: Entity;
    route?: string;
    config?: NonNullable<Parameters<typeof mockApis.config>[0]>['data'];
  },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [ecrApiRef, options.api],
        [configApiRef, mockApis.config({ data: options.config ?? {} })],
      ]}
    >
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
