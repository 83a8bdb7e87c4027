import { DeleteRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { awsClientsFromConfig } from '@ecr-kit/backstage-plugin-ecr-node';
import {
  hardenedRepositoryFixture,
  startLocalEcrApi,
  type LocalEcrApi,
} from '@ecr-kit/local-ecr-api';
import {
  ECR_ENTITY_PROVIDER_NAME,
  EcrEntityProvider,
} from './EcrEntityProvider';
import { readProviderSettings } from './settings';

const MAIN = '111111111111';
const DR = '222222222222';
const SECRET = 'local-secret';
const mainRegistry = { accountId: MAIN, region: 'eu-west-1' };

function clientsFor(api: LocalEcrApi, ecr: Record<string, unknown> = {}) {
  return awsClientsFromConfig(
    new ConfigReader({
      aws: {
        accounts: [
          { accountId: MAIN, accessKeyId: 'AKIAMAIN', secretAccessKey: SECRET },
          { accountId: DR, accessKeyId: 'AKIADR', secretAccessKey: SECRET },
        ],
      },
      ecr: { endpoint: api.url, ...ecr },
    }),
  );
}

function settingsFor(extra: Record<string, unknown> = {}) {
  return readProviderSettings(
    new ConfigReader({
      ecr: {
        entityProvider: {
          targets: [
            { accountId: MAIN, regions: ['eu-west-1'] },
            { accountId: DR, regions: ['us-east-1'] },
          ],
          ...extra,
        },
      },
    }),
  )!;
}

/** A connection that records every mutation. */
function recordingConnection() {
  const mutations: EntityProviderMutation[] = [];
  const connection: EntityProviderConnection = {
    applyMutation: async mutation => {
      mutations.push(mutation);
    },
    refresh: async () => {},
  };
  const last = () => {
    const mutation = mutations[mutations.length - 1];
    if (mutation?.type !== 'full') throw new Error('no full mutation');
    return mutation.entities.map(e => e.entity);
  };
  return { connection, mutations, last };
}

describe('EcrEntityProvider against the local ECR API, two accounts', () => {
  let api: LocalEcrApi;

  beforeEach(async () => {
    api = await startLocalEcrApi({
      accounts: { AKIAMAIN: MAIN, AKIADR: DR },
      fixture: {
        registries: [
          {
            ...mainRegistry,
            repositories: [
              hardenedRepositoryFixture('team/payments', mainRegistry, {
                tags: {
                  'backstage.io/entity-ref': 'component:default/payments',
                  owner: 'team-payments',
                  system: 'billing',
                },
              }),
              { name: 'legacy/orphan' },
            ],
          },
          {
            accountId: DR,
            region: 'us-east-1',
            repositories: [
              {
                name: 'team/payments',
                tags: {
                  'backstage.io/entity-ref': 'payments',
                  team: 'group:ops/dr-team',
                  owner: '@ops team',
                },
              },
            ],
          },
        ],
      },
    });
  });

  afterEach(async () => {
    await api.stop();
  });

  it('emits one Resource per repository of both accounts, with owner, system and dependencyOf from tags', async () => {
    const logger = mockServices.logger.mock();
    const provider = EcrEntityProvider.create({
      clients: clientsFor(api),
      settings: settingsFor(),
      logger,
    });
    const { connection, mutations, last } = recordingConnection();
    await provider.connect(connection);
    expect(mutations).toEqual([]); // no task runner: nothing runs until refresh

    const result = await provider.refresh();

    expect(result).toMatchObject({ entities: 3, errors: [] });
    expect(mutations).toHaveLength(1);
    const mutation = mutations[0] as Extract<
      EntityProviderMutation,
      { type: 'full' }
    >;
    expect(mutation.entities.map(e => e.locationKey)).toEqual([
      ECR_ENTITY_PROVIDER_NAME,
      ECR_ENTITY_PROVIDER_NAME,
      ECR_ENTITY_PROVIDER_NAME,
    ]);
    const location = `${ECR_ENTITY_PROVIDER_NAME}:arn:aws:ecr:eu-west-1:${MAIN}:repository/team/payments`;
    expect(last()).toEqual([
      expect.objectContaining({
        metadata: expect.objectContaining({
          name: `legacy-orphan-${MAIN}-eu-west-1`,
          labels: expect.objectContaining({
            'ecr-kit.io/tag-mutability': 'mutable',
            'ecr-kit.io/scan-on-push': 'false',
            'ecr-kit.io/encryption': 'aes256',
            'ecr-kit.io/unowned': 'true',
          }),
        }),
        // No tags: the default owner, no system, no relation.
        spec: { type: 'ecr-repository', owner: 'unowned' },
      }),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: `team-payments-${MAIN}-eu-west-1`,
          namespace: 'default',
          title: 'team/payments',
          description: `Amazon ECR repository team/payments in account ${MAIN} (eu-west-1)`,
          annotations: {
            'backstage.io/managed-by-location': location,
            'backstage.io/managed-by-origin-location': location,
            'aws.amazon.com/amazon-ecr-arn': `arn:aws:ecr:eu-west-1:${MAIN}:repository/team/payments`,
            'ecr-kit.io/repository-uri': `${MAIN}.dkr.ecr.eu-west-1.amazonaws.com/team/payments`,
          },
          labels: {
            'ecr-kit.io/account-id': MAIN,
            'ecr-kit.io/region': 'eu-west-1',
            'ecr-kit.io/tag-mutability': 'immutable',
            'ecr-kit.io/scan-on-push': 'true',
            'ecr-kit.io/encryption': 'kms',
            'ecr-kit.io/unowned': 'false',
          },
          links: [
            {
              url: `https://eu-west-1.console.aws.amazon.com/ecr/repositories/private/${MAIN}/team/payments?region=eu-west-1`,
              title: 'Amazon ECR console',
            },
          ],
        },
        spec: {
          type: 'ecr-repository',
          owner: 'group:default/team-payments',
          system: 'system:default/billing',
          dependencyOf: ['component:default/payments'],
        },
      },
      expect.objectContaining({
        metadata: expect.objectContaining({
          name: `team-payments-${DR}-us-east-1`,
        }),
        // The owner tag holds no entity reference: the default, and a warning.
        spec: {
          type: 'ecr-repository',
          owner: 'unowned',
          dependencyOf: ['component:default/payments'],
        },
      }),
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('tags owner hold no entity reference'),
    );
  });

  it('reads owner and system from configured tag keys', async () => {
    const provider = EcrEntityProvider.create({
      clients: clientsFor(api),
      settings: settingsFor({
        tagKeys: { owner: 'team' },
        defaultOwner: 'group:default/platform',
      }),
      logger: mockServices.logger.mock(),
    });
    const { connection, last } = recordingConnection();
    await provider.connect(connection);
    await provider.refresh();
    expect(last().map(e => [e.metadata.name, e.spec?.owner])).toEqual([
      [`legacy-orphan-${MAIN}-eu-west-1`, 'group:default/platform'],
      [`team-payments-${MAIN}-eu-west-1`, 'group:default/platform'],
      [`team-payments-${DR}-us-east-1`, 'group:ops/dr-team'],
    ]);
  });

  it('removes a deleted repository at the next run (full mutation)', async () => {
    const provider = EcrEntityProvider.create({
      clients: clientsFor(api),
      settings: settingsFor(),
      logger: mockServices.logger.mock(),
    });
    const { connection, mutations, last } = recordingConnection();
    await provider.connect(connection);
    await provider.refresh();
    expect(last()).toHaveLength(3);

    const ecr = new ECRClient({
      endpoint: api.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIAMAIN', secretAccessKey: SECRET },
    });
    await ecr.send(
      new DeleteRepositoryCommand({ repositoryName: 'legacy/orphan' }),
    );
    ecr.destroy();
    await provider.refresh();

    expect(mutations).toHaveLength(2);
    expect(mutations[1].type).toBe('full');
    expect(last().map(e => e.metadata.name)).toEqual([
      `team-payments-${MAIN}-eu-west-1`,
      `team-payments-${DR}-us-east-1`,
    ]);
  });

  it('leaves the catalog unchanged when one account fails, naming it and the IAM action', async () => {
    const logger = mockServices.logger.mock();
    const provider = EcrEntityProvider.create({
      clients: clientsFor(api, { maxAttempts: 1 }),
      settings: settingsFor(),
      logger,
    });
    const { connection, mutations } = recordingConnection();
    await provider.connect(connection);
    api.faults.add({
      operation: 'DescribeRepositories',
      accountId: DR,
      accessDenied: true,
    });

    const result = await provider.refresh();

    expect(result.entities).toBeUndefined();
    expect(result.errors).toEqual([
      {
        target: `${DR}/us-east-1`,
        message: expect.stringContaining('ecr:DescribeRepositories'),
      },
    ]);
    expect(mutations).toEqual([]);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining(`ECR discovery of ${DR}/us-east-1 failed`),
    );
  });
});

describe('EcrEntityProvider on a 1,000-repository registry', () => {
  let api: LocalEcrApi;

  beforeAll(async () => {
    api = await startLocalEcrApi({
      accounts: { AKIAMAIN: MAIN },
      fixture: {
        registries: [
          {
            accountId: MAIN,
            region: 'eu-west-1',
            repositories: Array.from({ length: 1000 }, (_, i) => ({
              name: `svc/repo-${String(i).padStart(4, '0')}`,
              tags: { owner: `team-${i % 10}` },
            })),
          },
        ],
      },
    });
  });

  afterAll(async () => {
    await api.stop();
  });

  it('pages DescribeRepositories and GetResources within the default rates: 11 calls', async () => {
    const provider = EcrEntityProvider.create({
      clients: clientsFor(api),
      settings: readProviderSettings(
        new ConfigReader({
          ecr: {
            entityProvider: {
              targets: [{ accountId: MAIN, regions: ['eu-west-1'] }],
            },
          },
        }),
      )!,
      logger: mockServices.logger.mock(),
    });
    const { connection, last } = recordingConnection();
    await provider.connect(connection);
    api.resetRequestCounts();

    const result = await provider.refresh();

    const entities = last();
    expect(entities).toHaveLength(1000);
    expect(new Set(entities.map(e => e.metadata.name)).size).toBe(1000);
    expect(entities[999].spec?.owner).toBe('group:default/team-9');
    // One DescribeRepositories page of 1,000, ten GetResources pages of 100.
    expect(api.requestCounts()).toEqual({
      DescribeRepositories: 1,
      GetResources: 10,
    });
    expect(result.calls).toBe(11);
    // GetResources at its default 5 per second: a burst of 5, then one per 200 ms.
    expect(result.durationMs).toBeGreaterThanOrEqual(950);
    // Figure for the report (printed, not asserted beyond the bound above).
    process.stdout.write(
      `1,000-repository registry: ${result.entities} entities in ${result.durationMs} ms, ${result.calls} ECR/tagging calls\n`,
    );
  });
});
