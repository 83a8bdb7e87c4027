// The ECR plugin as the benchmark serves it: a Backstage backend in this process with the
// plugin, a catalog of two entities (the basic- and the enhanced-scanning repository) and
// the real AWS SDK clients pointed at the local ECR API.
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ECR_ARN_ANNOTATION } from '@ecr-kit/backstage-plugin-ecr-common';
import type { LocalEcrApi } from '@ecr-kit/local-ecr-api';
import type { AddressInfo } from 'node:net';
import { ecrPlugin } from '../src/plugin';
import {
  ACCOUNT,
  BASIC_REGION,
  ENHANCED_REGION,
  KEY,
  arnOf,
} from './benchRegistry';

/**
 * Long enough for a cold view at 2 s per ECR call: the default deadline (15 s) would
 * answer such a view with a timeout while the listing goes on in the background.
 */
export const BENCH_DEADLINE = '120s';

const entity = (name: string, arn: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations: { [ECR_ARN_ANNOTATION]: arn } },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
});

export interface Portal {
  /** The images view of the basic (or enhanced) repository, with `query` added. */
  url(options?: { enhanced?: boolean; query?: string }): string;
  stop(): Promise<void>;
}

export async function startPortal(
  api: LocalEcrApi,
  options: { page: number; ttl?: string },
): Promise<Portal> {
  const { server } = await startTestBackend({
    features: [
      ecrPlugin,
      catalogServiceMock.factory({
        entities: [
          entity('basic', arnOf(BASIC_REGION)),
          entity('enhanced', arnOf(ENHANCED_REGION)),
        ],
      }),
      mockServices.rootConfig.factory({
        data: {
          aws: { accounts: [{ accountId: ACCOUNT, ...KEY }] },
          ecr: {
            endpoint: api.url,
            deadline: BENCH_DEADLINE,
            prewarm: { enabled: false },
            ...(options.ttl ? { cache: { ttl: options.ttl } } : {}),
          },
        },
      }),
    ],
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: ({ enhanced = false, query = '' } = {}) => {
      const name = enhanced ? 'enhanced' : 'basic';
      const arn = arnOf(enhanced ? ENHANCED_REGION : BASIC_REGION);
      return `http://127.0.0.1:${port}/api/ecr/entities/component/default/${name}/images?repository=${encodeURIComponent(arn)}&pageSize=${options.page}${query}`;
    },
    stop: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

/** One view: its HTTP time (body read) and its parsed body. */
export async function view(url: string) {
  const start = performance.now();
  const res = await fetch(url);
  const text = await res.text();
  const ms = performance.now() - start;
  if (!res.ok) throw new Error(`${res.status} ${text.slice(0, 300)}`);
  return { ms, body: JSON.parse(text) };
}
