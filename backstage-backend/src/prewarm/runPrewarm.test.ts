import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ECR_ARN_ANNOTATION } from '@ecr-kit/backstage-plugin-ecr-common';
import { awsClientsFromConfig } from '@ecr-kit/backstage-plugin-ecr-node';
import type { LocalEcrApi } from '@ecr-kit/local-ecr-api';
import { ARNS, DR, MAIN } from '../__fixtures__/registry';
import { resetFixtureApi, startFixtureApi } from '../__testUtils__/fixtureApi';
import { memoryCache } from '../__testUtils__/memoryCache';
import { configuredAccounts, component } from '../__testUtils__/testBackend';
import { createCachedLoader } from '../services/caching/createCachedLoader';
import { createEcrService } from '../services/EcrService/createEcrService';
import {
  DEFAULT_PREWARM_SETTINGS,
  readPrewarmSettings,
} from './prewarmSettings';
import {
  PREWARM_TASK_ID,
  runPrewarm,
  schedulePrewarm,
} from './schedulePrewarm';

jest.setTimeout(60_000);
let api: LocalEcrApi;
beforeAll(async () => {
  api = await startFixtureApi();
});
afterAll(() => api.stop());
beforeEach(() => resetFixtureApi(api));

const entities = [
  component('payments', {
    [ECR_ARN_ANNOTATION]: `${ARNS.payments},${ARNS.paymentsDr}`,
  }),
  component('scanned', { [ECR_ARN_ANNOTATION]: ARNS.scanned }),
  component('unconfigured', { [ECR_ARN_ANNOTATION]: ARNS.unconfigured }),
  component('no-ecr', {}),
];

function setup() {
  const clients = awsClientsFromConfig(
    new ConfigReader({
      aws: { accounts: configuredAccounts([MAIN, DR]) },
      ecr: { endpoint: api.url },
    }),
  );
  const logger = mockServices.logger.mock();
  const ecr = createEcrService({
    clients,
    loader: createCachedLoader({ cache: memoryCache() }),
    logger,
    tagLookup: [],
  });
  const sleeps: number[] = [];
  const run = (maxAgeMs: number, callsPerSecond = 1_000) =>
    runPrewarm({
      ecr,
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      logger,
      settings: { ...DEFAULT_PREWARM_SETTINGS, callsPerSecond },
      maxAgeMs,
      sleep: async ms => {
        sleeps.push(ms);
      },
    });
  return { ecr, run, logger, sleeps };
}

describe('runPrewarm', () => {
  it('warms every annotated entity’s repositories, so a view then costs no ECR call', async () => {
    const { ecr, run, logger } = setup();
    const totals = await run(0);
    // payments (2 repositories) and scanned; unconfigured fails (no credentials), no-ecr is
    // not annotated.
    expect(totals).toMatchObject({
      entities: 2,
      repositories: 3,
      refreshed: 3,
      failed: 1,
    });
    expect(totals.calls).toBeGreaterThan(0);
    expect(api.requestCount('DescribeImages')).toBeGreaterThan(0);
    // Enhanced scanning: Inspector's counts are warmed too.
    expect(api.requestCount('ListFindingAggregations')).toBeGreaterThan(0);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('component:default/unconfigured'),
    );
    api.resetRequestCounts();
    const view = await ecr.listImages(entities[1], ARNS.scanned, {
      minSeverity: 'HIGH',
    });
    expect(view.freshness.stale).toBe(false);
    expect(view.severityFilter?.unknown).toBe(0);
    expect(api.requestCount('DescribeImages')).toBe(0);
    expect(api.requestCount('ListFindingAggregations')).toBe(0);
  });

  it('leaves data younger than maxAge alone', async () => {
    const { run } = setup();
    await run(0);
    api.resetRequestCounts();
    const again = await run(60_000);
    expect(again.refreshed).toBe(0);
    expect(api.requestCount('DescribeImages')).toBe(0);
  });

  it('paces itself to callsPerSecond on average', async () => {
    const { run, sleeps } = setup();
    const totals = await run(0, 10);
    // Each entity's calls cost calls / 10 seconds; what the calls took is already spent.
    const owed = (totals.calls / 10) * 1000;
    const slept = sleeps.reduce((a, b) => a + b, 0);
    expect(slept).toBeGreaterThan(0);
    expect(slept).toBeLessThanOrEqual(owed);
    expect(slept).toBeGreaterThan(owed / 2);
  });
});

describe('schedulePrewarm', () => {
  const options = (settings = DEFAULT_PREWARM_SETTINGS) => {
    const scheduler = mockServices.scheduler.mock();
    return {
      scheduler,
      options: {
        scheduler,
        ecr: setup().ecr,
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        settings,
        ttlMs: 300_000,
      },
    };
  };

  it('schedules a global task, so one replica runs each run', async () => {
    const { scheduler, options: o } = options();
    await schedulePrewarm(o);
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: PREWARM_TASK_ID,
        scope: 'global',
        frequency: { milliseconds: 300_000 },
      }),
    );
  });

  it('has an off switch', async () => {
    const { scheduler, options: o } = options(
      readPrewarmSettings(
        new ConfigReader({ ecr: { prewarm: { enabled: false } } }),
      ),
    );
    await schedulePrewarm(o);
    expect(scheduler.scheduleTask).not.toHaveBeenCalled();
  });

  it('reads durations as strings or objects and refuses a bad rate, naming the key', () => {
    expect(
      readPrewarmSettings(
        new ConfigReader({
          ecr: { prewarm: { frequency: '2m', initialDelay: { seconds: 5 } } },
        }),
      ),
    ).toMatchObject({ frequencyMs: 120_000, initialDelayMs: 5_000 });
    expect(() =>
      readPrewarmSettings(
        new ConfigReader({ ecr: { prewarm: { callsPerSecond: 0 } } }),
      ),
    ).toThrow(/ecr\.prewarm\.callsPerSecond must be a positive number/);
  });
});
