import {
  mockServices,
  startTestBackend,
  type TestBackend,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createBackendModule,
  type SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import jsonRulesEngineModule from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import type { CheckResult } from '@backstage-community/plugin-tech-insights-common';
import ecrPlugin from '@ecr-kit/backstage-plugin-ecr-backend';
import ecrFactsModule from '@ecr-kit/backstage-plugin-tech-insights-backend-module-ecr';
import type { LocalEcrApi } from '@ecr-kit/local-ecr-api';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadDemoConfig, staticRootConfigFactory } from './demoConfig';
import { DEMO_ROOT, startDemoLocalEcr } from './startDemoPortal';

// The demo's scorecard as the portal runs it: Tech Insights with the JSON rules engine,
// the ECR fact retriever and the example checks, over the demo catalog and registry.
// Expected results are read off local-ecr/registry.json, not off our code.

const entities = parseAllDocuments(
  readFileSync(resolve(DEMO_ROOT, 'catalog/entities.yaml'), 'utf8'),
).map(doc => doc.toJSON() as Entity);

const DAY_MS = 24 * 60 * 60 * 1000;
/** `ecrRecentlyPushed` for a newest push at `pushedAt` (the fixture's dates are fixed). */
const recentlyPushed = (pushedAt: string) =>
  Math.floor((Date.now() - Date.parse(pushedAt)) / DAY_MS) <= 90;

let api: LocalEcrApi;
let backend: TestBackend;
let scheduler: SchedulerService | undefined;
/** Hands the test Tech Insights' scheduler, to run the fact retriever now. */
const schedulerOfTechInsights = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'test-scheduler',
  register(env) {
    env.registerInit({
      deps: { service: coreServices.scheduler },
      async init({ service }) {
        scheduler = service;
      },
    });
  },
});

beforeAll(async () => {
  api = await startDemoLocalEcr();
  const config = await loadDemoConfig({
    rootDir: DEMO_ROOT,
    argv: [],
    overrides: {
      ecr: { endpoint: api.url, entityProvider: { targets: [] } },
    },
  });
  backend = await startTestBackend({
    features: [
      staticRootConfigFactory(config),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      schedulerOfTechInsights,
      catalogServiceMock.factory({ entities }),
      mockServices.permissions.factory(),
      ecrPlugin,
      techInsightsPlugin,
      jsonRulesEngineModule,
      ecrFactsModule,
    ],
  });
  if (!scheduler) throw new Error('Tech Insights got no scheduler');
  const tasks = await scheduler.getScheduledTasks();
  const retriever = tasks.find(t => t.id.includes('ecr-kit-facts'));
  if (!retriever) {
    throw new Error(
      `no ecr-kit-facts task among ${tasks.map(t => t.id).join(', ')}`,
    );
  }
  await scheduler.triggerTask(retriever.id);
}, 60_000);

afterAll(async () => {
  await backend?.stop();
  await api?.stop();
});

const baseUrl = () => `http://localhost:${backend.server.port()}`;

async function runChecks(name: string) {
  const res = await fetch(
    `${baseUrl()}/api/tech-insights/checks/run/default/component/${name}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({}),
    },
  );
  expect(res.status).toBe(200);
  const results = (await res.json()) as CheckResult[];
  return Object.fromEntries(
    results.map(r => [r.check.id, (r as { result: boolean }).result]),
  );
}

it('lists the five example checks', async () => {
  const res = await fetch(`${baseUrl()}/api/tech-insights/checks`);
  const checks = (await res.json()) as { id: string }[];
  expect(checks.map(c => c.id).sort()).toEqual([
    'ecrImmutableTags',
    'ecrLifecyclePolicy',
    'ecrNoCriticalInNewestImage',
    'ecrRecentlyPushed',
    'ecrScanned',
  ]);
});

it('scores a service whose newest image has a critical finding', async () => {
  // inventory/service (444455556666, us-east-1): MUTABLE, scan on push, no lifecycle
  // policy; newest image v3.2.0 (2026-11-05) has one CRITICAL finding.
  expect(await runChecks('inventory')).toEqual({
    ecrImmutableTags: false,
    ecrScanned: true,
    ecrLifecyclePolicy: false,
    ecrNoCriticalInNewestImage: false,
    ecrRecentlyPushed: recentlyPushed('2026-11-05T10:00:00Z'),
  });
});

it('scores a service over all three of its repositories', async () => {
  // payments/api in eu-west-1 is immutable with a lifecycle policy, but its DR copy in
  // us-east-1 is MUTABLE and neither it nor charts/payments has a lifecycle policy.
  // charts/payments has no scan on push but eu-west-1 scans everything (ENHANCED, `*`).
  // Newest push: 2.5.1-rc.2 (2026-11-22), no critical findings.
  expect(await runChecks('payments-api')).toEqual({
    ecrImmutableTags: false,
    ecrScanned: true,
    ecrLifecyclePolicy: false,
    ecrNoCriticalInNewestImage: true,
    ecrRecentlyPushed: recentlyPushed('2026-11-22T09:00:00Z'),
  });
});

it('leaves out the checks of facts a service does not have yet (no image pushed)', async () => {
  // ledger/api: IMMUTABLE, scan on push, no lifecycle policy, no images.
  expect(await runChecks('ledger-api')).toEqual({
    ecrImmutableTags: true,
    ecrScanned: true,
    ecrLifecyclePolicy: false,
  });
});
