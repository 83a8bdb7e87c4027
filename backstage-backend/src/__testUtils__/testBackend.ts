import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { LocalEcrApi } from '@ecr-kit/local-ecr-api';
import request from 'supertest';
import { MAIN, fixture } from '../__fixtures__/registry';
import { ecrPlugin } from '../plugin';

/** A secret that must never appear in a response or log. */
export const SECRET = 'local-secret-never-shown';

/** A catalog Component with the given annotations. */
export function component(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}

/**
 * `aws.accounts` entries with the fixture's access key of each of `accountIds` (default:
 * every fixture account) and {@link SECRET}.
 */
export function configuredAccounts(accountIds?: readonly string[]) {
  return Object.entries(fixture.accounts ?? {})
    .filter(([, accountId]) => !accountIds || accountIds.includes(accountId))
    .map(([accessKeyId, accountId]) => ({
      accountId,
      accessKeyId,
      secretAccessKey: SECRET,
    }));
}

type Features = Parameters<typeof startTestBackend>[0]['features'];

/**
 * A backend with the ECR plugin and a mocked catalog of `entities`, talking to `api` with
 * one access key per fixture account; `ecr` is merged over the plugin's config.
 */
export async function startEcrBackend(options: {
  api: LocalEcrApi;
  entities: Entity[];
  ecr?: Record<string, unknown>;
  aws?: Record<string, unknown>;
  features?: Features;
}) {
  const { server } = await startTestBackend({
    features: [
      ...(options.features ?? []),
      ecrPlugin,
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.rootConfig.factory({
        data: {
          aws: {
            mainAccount: {
              accessKeyId: 'AKIANOTMAPPED',
              secretAccessKey: SECRET,
            },
            accounts: configuredAccounts(),
            ...options.aws,
          },
          ecr: {
            endpoint: options.api.url,
            maxAttempts: 4,
            tagLookup: [{ accountId: MAIN, regions: ['eu-west-1'] }],
            // Tests count AWS calls: the scheduled pre-warm runs only where a test asks.
            prewarm: { enabled: false },
            ...options.ecr,
          },
        },
      }),
    ],
  });
  return server;
}

/** A signed-in GET under /api/ecr. */
export function get(server: Parameters<typeof request>[0], path: string) {
  return request(server)
    .get(`/api/ecr${path}`)
    .set('authorization', mockCredentials.user.header());
}
