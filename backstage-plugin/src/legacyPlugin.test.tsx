import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { useRoutes } from 'react-router-dom';
import { ecrApiRef, EcrClient } from './api';
import { annotatedEntity } from './__fixtures__/ecrData';
import { ecrApiStub } from './__testUtils__';
import { EntityEcrCard, EntityEcrContent, ecrPlugin } from './legacyPlugin';
import { rootRouteRef } from './routes';

// A routable extension must sit on a route, as it does in an app's EntityLayout.
function MountedAtEcr() {
  return <>{useRoutes([{ path: '/*', element: <EntityEcrContent /> }])}</>;
}

describe('ecrPlugin (legacy frontend system)', () => {
  it('is the ecr plugin and provides an EcrClient from discovery and fetch', () => {
    expect(ecrPlugin.getId()).toBe('ecr');
    const factories = [...ecrPlugin.getApis()];
    expect(factories.map(f => f.api.id)).toEqual([ecrApiRef.id]);
    const client = factories[0].factory({
      discoveryApi: { getBaseUrl: async () => 'http://backstage/api/ecr' },
      fetchApi: { fetch },
    });
    expect(client).toBeInstanceOf(EcrClient);
  });

  it('renders the tab and the card extensions on an entity page', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[ecrApiRef, ecrApiStub()]]}>
        <EntityProvider entity={annotatedEntity}>
          <EntityEcrCard />
          <MountedAtEcr />
        </EntityProvider>
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
          '/ecr': rootRouteRef,
        },
      },
    );
    expect(await screen.findByText('Amazon ECR')).toBeInTheDocument();
    expect(await screen.findByText('Images (4)')).toBeInTheDocument();
  });
});
