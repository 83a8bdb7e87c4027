import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { ecrApiRef, EcrClient } from './api';
import { annotatedEntity, plainEntity } from './__fixtures__/ecrData';
import { ecrApiStub } from './__testUtils__';
import ecrFrontendPlugin from '.';
import { ecrApi, ecrEntityCard, ecrEntityContent } from './frontendPlugin';

describe('ecr frontend plugin (new frontend system)', () => {
  it('registers the API, the entity tab and the overview card under pluginId ecr', () => {
    expect(ecrFrontendPlugin.id).toBe('ecr');
    expect(ecrFrontendPlugin.getExtension('api:ecr')).toBeDefined();
    expect(ecrFrontendPlugin.getExtension('entity-content:ecr')).toBeDefined();
    expect(ecrFrontendPlugin.getExtension('entity-card:ecr')).toBeDefined();
  });

  it('builds an EcrClient from discovery and fetch', () => {
    const factory = createExtensionTester(ecrApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe(ecrApiRef.id);
    expect(Object.keys(factory.deps).sort()).toEqual([
      'discoveryApi',
      'fetchApi',
    ]);
    const client = factory.factory({
      discoveryApi: { getBaseUrl: async () => 'http://backstage/api/ecr' },
      fetchApi: { fetch },
    });
    expect(client).toBeInstanceOf(EcrClient);
  });

  it('mounts the tab at ecr, titled ECR, only for entities with an ECR annotation', () => {
    const tester = createExtensionTester(ecrEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('ecr');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('ECR');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(annotatedEntity)).toBe(true);
    expect(filter(plainEntity)).toBe(false);
    expect(
      filter({
        ...plainEntity,
        metadata: {
          ...plainEntity.metadata,
          annotations: { 'aws.amazon.com/amazon-ecr-tags': 'service=payments' },
        },
      }),
    ).toBe(true);
  });

  it('shows the card only for entities with an ECR annotation', () => {
    const filter = createExtensionTester(ecrEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(annotatedEntity)).toBe(true);
    expect(filter(plainEntity)).toBe(false);
  });

  it('renders the card extension with the API it is given', async () => {
    const api = ecrApiStub();
    const tester = createExtensionTester(ecrEntityCard);
    await renderInTestApp(
      <EntityProvider entity={annotatedEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [[ecrApiRef, api]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByText('v1.4.2')).toBeInTheDocument();
  });
});
