import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { ECR_ARN_ANNOTATION } from '@ecr-kit/backstage-plugin-ecr-common';
// The test serves the real ECR backend API that the retriever reads (a dev dependency only).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import ecrPlugin from '@ecr-kit/backstage-plugin-ecr-backend';
import {
  hardenedRepositoryFixture,
  startLocalEcrApi,
  untaggedExpiryRule,
  type LocalEcrApi,
} from '@ecr-kit/local-ecr-api';
import type { AddressInfo } from 'node:net';
import {
  ECR_FACT_RETRIEVER_ID,
  createEcrFactRetriever,
} from './ecrFactRetriever';
import { techInsightsModuleEcrFacts } from './module';

const ACCOUNT = '111111111111';
const REGISTRY = { accountId: ACCOUNT, region: 'eu-west-1' };
const KEY = { accessKeyId: 'AKIAFACTS', secretAccessKey: 'facts' };
const arn = (name: string) =>
  `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/${name}`;
const NOW = Date.parse('2026-01-01T00:00:00Z');

const component = (name: string, annotations: Record<string, string>) =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  }) as Entity;

const entities = [
  component('payments', { [ECR_ARN_ANNOTATION]: arn('team/payments') }),
  component('legacy', { [ECR_ARN_ANNOTATION]: arn('team/legacy') }),
  component('docs', {}),
];

let api: LocalEcrApi;
let ecrUrl: string;

beforeAll(async () => {
  api = await startLocalEcrApi({
    accounts: { [KEY.accessKeyId]: ACCOUNT },
    fixture: {
      registries: [
        {
          ...REGISTRY,
          repositories: [
            hardenedRepositoryFixture(
              'team/payments',
              { ...REGISTRY, kmsKeyId: 'payments' },
              {
                lifecyclePolicy: { rules: [untaggedExpiryRule()] },
                images: [
                  { tags: ['1.0.0'], pushedAt: '2025-11-01T00:00:00Z' },
                  {
                    tags: ['1.1.0'],
                    pushedAt: '2025-12-01T00:00:00Z',
                    scan: {
                      findings: [
                        {
                          id: 'CVE-1',
                          severity: 'CRITICAL',
                          package: 'a',
                          version: '1',
                        },
                        {
                          id: 'CVE-2',
                          severity: 'HIGH',
                          package: 'b',
                          version: '1',
                        },
                        {
                          id: 'CVE-3',
                          severity: 'HIGH',
                          package: 'c',
                          version: '1',
                        },
                      ],
                    },
                  },
                ],
              },
            ),
            { name: 'team/legacy', images: [] },
          ],
        },
      ],
    },
  });
  const { server } = await startTestBackend({
    features: [
      ecrPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          aws: { accounts: [{ accountId: ACCOUNT, ...KEY }] },
          ecr: { endpoint: api.url, prewarm: { enabled: false } },
        },
      }),
    ],
  });
  ecrUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/ecr`;
});
afterAll(() => api.stop());

function context() {
  return {
    config: mockServices.rootConfig(),
    discovery: mockServices.discovery.mock({
      getBaseUrl: async () => ecrUrl,
    }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    urlReader: mockServices.urlReader.mock(),
  };
}

describe('the ECR fact retriever', () => {
  it('gives each annotated entity its repository facts and its newest image’s findings', async () => {
    const retriever = createEcrFactRetriever({
      catalog: catalogServiceMock({ entities }),
      now: () => NOW,
    });
    const facts = await retriever.handler(context());
    expect(facts).toEqual([
      {
        entity: { kind: 'Component', namespace: 'default', name: 'payments' },
        facts: {
          ecrImmutableTags: true,
          ecrScanOnPush: true,
          ecrEnhancedScanning: false,
          ecrEncryption: 'KMS',
          ecrLifecyclePolicy: true,
          ecrRepositoryPolicy: false,
          ecrNewestImageCritical: 1,
          ecrNewestImageHigh: 2,
          ecrDaysSinceLastPush: 31,
        },
      },
      {
        entity: { kind: 'Component', namespace: 'default', name: 'legacy' },
        facts: {
          ecrImmutableTags: false,
          ecrScanOnPush: false,
          ecrEnhancedScanning: false,
          ecrEncryption: 'AES256',
          ecrLifecyclePolicy: false,
          ecrRepositoryPolicy: false,
        },
      },
    ]);
    // Every fact key is declared in the schema.
    for (const { facts: values } of facts) {
      for (const key of Object.keys(values)) {
        expect(retriever.schema[key]).toBeDefined();
      }
    }
  });

  it('reads the ECR backend’s cache: a second run makes no AWS call', async () => {
    const retriever = createEcrFactRetriever({
      catalog: catalogServiceMock({ entities }),
      now: () => NOW,
    });
    await retriever.handler(context());
    api.resetRequestCounts();
    const again = await retriever.handler(context());
    expect(again).toHaveLength(2);
    expect(api.requestCounts()).toEqual({});
  });

  it('skips an entity the ECR backend cannot answer for, and says why', async () => {
    const retriever = createEcrFactRetriever({
      catalog: catalogServiceMock({
        entities: [
          component('broken', { [ECR_ARN_ANNOTATION]: 'arn:aws:s3:::bucket' }),
          ...entities,
        ],
      }),
      now: () => NOW,
    });
    const ctx = context();
    const facts = await retriever.handler(ctx);
    expect(facts.map(f => f.entity.name)).toEqual(['payments', 'legacy']);
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^ECR facts of Component:default\/broken not read: /,
      ),
    );
  });

  it('is added to Tech Insights by the module', async () => {
    const addFactRetrievers = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [techInsightsFactRetrieversExtensionPoint, { addFactRetrievers }],
      ],
      features: [techInsightsModuleEcrFacts, catalogServiceMock.factory()],
    });
    expect(addFactRetrievers).toHaveBeenCalledWith({
      [ECR_FACT_RETRIEVER_ID]: expect.objectContaining({
        id: ECR_FACT_RETRIEVER_ID,
        schema: expect.objectContaining({
          ecrNewestImageCritical: expect.objectContaining({ type: 'integer' }),
        }),
      }),
    });
  });
});
