import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import { ConfigReader } from '@backstage/config';
import {
  catalogProcessingExtensionPoint,
  type EntityProvider,
} from '@backstage/plugin-catalog-node';
import moduleFromIndex from './index';
import { catalogModuleEcrEntityProvider } from './module';
import { ECR_ENTITY_PROVIDER_NAME } from './provider/EcrEntityProvider';
import {
  readProviderSchedule,
  readProviderSettings,
} from './provider/settings';

async function providersWith(data: JsonObject) {
  const providers: EntityProvider[] = [];
  await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        {
          addEntityProvider: (...added: unknown[]) =>
            providers.push(...(added.flat() as EntityProvider[])),
        },
      ],
    ],
    features: [
      catalogModuleEcrEntityProvider,
      mockServices.rootConfig.factory({ data }),
    ],
  });
  return providers;
}

describe('catalogModuleEcrEntityProvider', () => {
  it('is the default export and adds the provider when ecr.entityProvider is set', async () => {
    expect(moduleFromIndex).toBe(catalogModuleEcrEntityProvider);
    const providers = await providersWith({
      ecr: {
        endpoint: 'http://127.0.0.1:1',
        entityProvider: {
          targets: [{ accountId: '111111111111', regions: ['eu-west-1'] }],
        },
      },
    });
    expect(providers.map(p => p.getProviderName())).toEqual([
      ECR_ENTITY_PROVIDER_NAME,
    ]);
  });

  it('adds nothing without ecr.entityProvider', async () => {
    expect(await providersWith({})).toEqual([]);
  });
});

describe('readProviderSettings', () => {
  const read = (entityProvider: JsonObject) =>
    readProviderSettings(new ConfigReader({ ecr: { entityProvider } }));

  it('defaults the tag keys to the ones the Pulumi component and the scaffolder write', () => {
    expect(
      read({
        targets: [{ accountId: '111111111111', regions: ['eu-west-1'] }],
      }),
    ).toEqual({
      targets: [{ accountId: '111111111111', regions: ['eu-west-1'] }],
      tagKeys: {
        entityRef: 'backstage.io/entity-ref',
        owner: 'owner',
        system: 'system',
      },
      defaultOwner: 'unowned',
      namespace: 'default',
    });
  });

  it.each([
    [
      { targets: [] },
      /ecr\.entityProvider\.targets is empty; list the accounts/,
    ],
    [
      { targets: [{ accountId: '1234', regions: ['eu-west-1'] }] },
      /ecr\.entityProvider\.targets\[0\]\.accountId "1234" is not an AWS account id; use the 12-digit id/,
    ],
    [
      { targets: [{ accountId: '111111111111', regions: ['europe'] }] },
      /ecr\.entityProvider\.targets\[0\]\.regions must list AWS Regions such as eu-west-1; "europe" is not one/,
    ],
  ])('rejects %j naming the key and the fix', (entityProvider, message) => {
    expect(() => read(entityProvider)).toThrow(message);
  });

  it('reads the schedule, defaulting to every 30 minutes', () => {
    expect(readProviderSchedule(new ConfigReader({}))).toMatchObject({
      frequency: { minutes: 30 },
    });
    expect(
      readProviderSchedule(
        new ConfigReader({
          ecr: {
            entityProvider: {
              schedule: { frequency: 'PT5M', timeout: 'PT1M' },
            },
          },
        }),
      ),
    ).toMatchObject({ frequency: { minutes: 5 }, timeout: { minutes: 1 } });
  });
});
