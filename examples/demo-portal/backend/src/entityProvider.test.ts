import { startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  type EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import catalogModuleEcr, {
  EcrEntityProvider,
} from '@ecr-kit/backstage-plugin-catalog-backend-module-ecr';
import type { LocalEcrApi } from '@ecr-kit/local-ecr-api';
import { loadDemoConfig, staticRootConfigFactory } from './demoConfig';
import { DEMO_ROOT, startDemoLocalEcr } from './startDemoPortal';

// The demo's ECR entity provider, as configured in app-config.yaml, on the seeded registry.

let api: LocalEcrApi;
beforeAll(async () => {
  api = await startDemoLocalEcr();
});
afterAll(() => api.stop());

it('discovers every seeded repository, also the one nobody annotated, with owners and relations', async () => {
  const providers: EcrEntityProvider[] = [];
  const config = await loadDemoConfig({
    rootDir: DEMO_ROOT,
    argv: [],
    overrides: {
      ecr: {
        endpoint: api.url,
        // The test runs discovery itself.
        entityProvider: { schedule: { initialDelay: { hours: 1 } } },
      },
    },
  });
  await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        {
          addEntityProvider: (...added: unknown[]) =>
            providers.push(...(added.flat() as EcrEntityProvider[])),
        },
      ],
    ],
    features: [catalogModuleEcr, staticRootConfigFactory(config)],
  });
  const mutations: EntityProviderMutation[] = [];
  const [provider] = providers;
  await provider.connect({
    applyMutation: async m => {
      mutations.push(m);
    },
    refresh: async () => {},
  });
  const result = await provider.refresh();
  const mutation = mutations[0];
  if (mutation?.type !== 'full') throw new Error('expected a full mutation');
  const entities: Entity[] = mutation.entities.map(e => e.entity);
  const summary = entities.map(e => [
    e.metadata.name,
    e.spec?.owner,
    e.spec?.dependencyOf,
  ]);

  expect(result.errors).toEqual([]);
  expect(summary).toEqual([
    [
      'charts-payments-111122223333-eu-west-1',
      'group:default/payments',
      undefined,
    ],
    [
      'checkout-web-111122223333-eu-west-1',
      'group:default/storefront',
      ['component:default/checkout-web'],
    ],
    // Created by pulling through the cache: no tags, so nobody owns it.
    ['ecr-public-nginx-nginx-111122223333-eu-west-1', 'unowned', undefined],
    ['ledger-api-111122223333-eu-west-1', 'group:default/payments', undefined],
    [
      'payments-api-111122223333-eu-west-1',
      'group:default/payments',
      ['component:default/payments-api'],
    ],
    [
      'payments-worker-111122223333-eu-west-1',
      'group:default/payments',
      undefined,
    ],
    [
      'storefront-web-111122223333-eu-west-1',
      'group:default/storefront',
      undefined,
    ],
    [
      'inventory-service-444455556666-us-east-1',
      'group:default/storefront',
      undefined,
    ],
    // In no annotation, with no tags.
    ['legacy-batch-reports-444455556666-us-east-1', 'unowned', undefined],
    [
      'payments-api-444455556666-us-east-1',
      'group:default/payments',
      undefined,
    ],
  ]);
  process.stdout.write(
    `demo registry: ${result.entities} entities in ${result.durationMs} ms, ${result.calls} AWS calls\n`,
  );
});
