import { ECRClient } from '@aws-sdk/client-ecr';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { startLocalEcrApi, type LocalEcrApi } from '@ecr-kit/local-ecr-api';
import { createEcrRepositoryActionFromConfig } from '../actions/createEcrRepositoryActionFromConfig';

/** Secret of every configured access key; no log line may show it. */
const SECRET = 'local-secret-never-shown';

// One workspace for every run: the action writes no files.
const workspace = createMockDirectory();

/** The action, configured from app-config as a backend would, against a local ECR API. */
export interface ActionHarness {
  readonly api: LocalEcrApi;
  /** Runs the action with `input` (JSON), as a task step; resolves to its outputs. */
  run(
    input: object,
    options?: { isDryRun?: boolean },
  ): Promise<Record<string, unknown>>;
  /** An SDK client acting as `accountId`, to look at what the action did. */
  ecr(accountId: string, region?: string): ECRClient;
  stop(): Promise<void>;
}

/**
 * Starts a local ECR API that knows `accounts` (account ID → access key id), with those
 * accounts in `aws.accounts`, and a main account whose key it does not know.
 */
export async function startActionHarness(
  accounts: Readonly<Record<string, string>>,
): Promise<ActionHarness> {
  const api = await startLocalEcrApi({
    port: 0,
    accounts: Object.fromEntries(
      Object.entries(accounts).map(([accountId, key]) => [key, accountId]),
    ),
  });
  // Keep the credentials manager's STS lookup (for accounts missing from aws.accounts)
  // off the network: the local server answers it with an error at once.
  process.env.AWS_ENDPOINT_URL_STS = api.url;
  const config = mockServices.rootConfig({
    data: {
      aws: {
        mainAccount: { accessKeyId: 'AKIANOTMAPPED', secretAccessKey: SECRET },
        accounts: Object.entries(accounts).map(([accountId, accessKeyId]) => ({
          accountId,
          accessKeyId,
          secretAccessKey: SECRET,
        })),
      },
      ecr: { endpoint: api.url, maxAttempts: 2 },
    },
  });

  return {
    api,
    async run(input, options = {}) {
      const logger = mockServices.logger.mock();
      const ctx = createMockActionContext({
        input: input as JsonObject,
        logger,
        workspacePath: workspace.path,
      });
      ctx.isDryRun = options.isDryRun;
      const outputs: Record<string, unknown> = {};
      ctx.output = (name: string | number | symbol, value: unknown) => {
        outputs[String(name)] = value;
      };
      const logged = () =>
        JSON.stringify([
          logger.info.mock.calls,
          logger.warn.mock.calls,
          logger.error.mock.calls,
        ]);
      try {
        await createEcrRepositoryActionFromConfig(config).handler(ctx as never);
      } catch (error) {
        expect(logged()).not.toMatch(/AKIA|local-secret/);
        throw error;
      }
      expect(logged()).not.toMatch(/AKIA|local-secret/);
      return outputs;
    },
    ecr(accountId, region = 'eu-west-1') {
      return new ECRClient({
        endpoint: api.url,
        region,
        credentials: {
          accessKeyId: accounts[accountId],
          secretAccessKey: SECRET,
        },
        maxAttempts: 1,
      });
    },
    async stop() {
      delete process.env.AWS_ENDPOINT_URL_STS;
      await api.stop();
    },
  };
}
