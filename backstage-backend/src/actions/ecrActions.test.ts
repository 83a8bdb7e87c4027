import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ECR_ARN_ANNOTATION } from '@ecr-kit/backstage-plugin-ecr-common';
import { startLocalEcrApi, type LocalEcrApi } from '@ecr-kit/local-ecr-api';
import type { JsonObject } from '@backstage/types';
import { ARNS, NOW, fixture } from '../__fixtures__/registry';
import { component, startEcrBackend } from '../__testUtils__/testBackend';

jest.setTimeout(30_000);

const entities = [
  component('payments', {
    [ECR_ARN_ANNOTATION]: `${ARNS.payments},${ARNS.paymentsDr}`,
  }),
  component('secret', { [ECR_ARN_ANNOTATION]: ARNS.other }),
];

let api: LocalEcrApi;

beforeEach(async () => {
  api = await startLocalEcrApi({ fixture, now: () => NOW });
});

afterEach(async () => {
  await api.stop();
});

/** A backend with the ECR plugin whose actions land in a registry the test can invoke. */
async function startWithActions(
  features: Parameters<typeof startEcrBackend>[0]['features'] = [],
) {
  const registry = actionsRegistryServiceMock({
    logger: mockServices.logger.mock(),
  });
  await startEcrBackend({
    api,
    entities,
    features: [
      ...features,
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
    ],
  });
  const invoke = async (name: string, input: JsonObject) => {
    const { actions } = await registry.list();
    const action = actions.find(a => a.name === name);
    if (!action) throw new Error(`no action ${name}`);
    return registry.invoke({
      id: action.id,
      input,
      credentials: mockCredentials.user(),
    });
  };
  return { registry, invoke };
}

describe('ECR actions', () => {
  it('registers three read-only, idempotent actions with input and output schemas', async () => {
    const { registry } = await startWithActions();
    const { actions } = await registry.list();
    expect(actions.map(a => a.name)).toEqual([
      'list-ecr-repositories',
      'list-ecr-images',
      'get-ecr-image-findings',
    ]);
    for (const action of actions) {
      expect(action.attributes).toEqual({
        readOnly: true,
        idempotent: true,
        destructive: false,
      });
      expect(action.schema.input).toMatchObject({
        type: 'object',
        required: expect.arrayContaining(['entityRef']),
      });
      expect(action.schema.output).toMatchObject({ type: 'object' });
    }
  });

  it("lists the entity's repositories with their settings", async () => {
    const { invoke } = await startWithActions();
    const { output } = await invoke('list-ecr-repositories', {
      entityRef: 'component:default/payments',
    });
    expect(output).toMatchObject({
      repositories: [
        {
          arn: ARNS.payments,
          name: 'team/payments',
          tagMutability: 'IMMUTABLE',
          scanOnPush: true,
          encryption: 'KMS',
          lifecyclePolicyPresent: true,
          repositoryPolicyPresent: false,
        },
        { arn: ARNS.paymentsDr, name: 'team/payments' },
      ],
      errors: [],
      stale: false,
    });
  });

  it('lists the newest images with full scan counts, and the findings of one', async () => {
    const { invoke } = await startWithActions();
    type Images = {
      repositories: {
        arn: string;
        totalCount: number;
        images: { digest: string; tags: string[]; counts?: unknown }[];
      }[];
    };
    const newest = (await invoke('list-ecr-images', {
      entityRef: 'payments',
      repositoryArn: ARNS.payments,
      limit: 2,
    })) as { output: Images };
    expect(newest.output).toEqual({
      repositories: [
        {
          arn: ARNS.payments,
          totalCount: 5,
          images: [
            {
              digest: expect.stringMatching(/^sha256:/),
              tags: ['3.0.0'],
              pushedAt: '2025-12-13T10:00:00.000Z',
              kind: 'image-index',
              scanState: 'COMPLETE',
              counts: {
                CRITICAL: 0,
                HIGH: 0,
                MEDIUM: 1,
                LOW: 0,
                INFORMATIONAL: 0,
                UNDEFINED: 0,
              },
            },
            {
              digest: expect.stringMatching(/^sha256:/),
              tags: ['chart-1.0.0'],
              pushedAt: '2025-12-12T10:00:00.000Z',
              kind: 'helm-chart',
              scanState: 'NOT_SCANNED',
            },
          ],
        },
      ],
    });

    // Without repositoryArn: every repository of the entity.
    const all = (await invoke('list-ecr-images', {
      entityRef: 'payments',
      limit: 50,
    })) as { output: Images };
    expect(all.output.repositories.map(r => r.arn)).toEqual([
      ARNS.payments,
      ARNS.paymentsDr,
    ]);
    const release = all.output.repositories[0].images.find(
      i => i.tags[0] === '1.0.0',
    )!;
    expect(release.counts).toMatchObject({ CRITICAL: 1, LOW: 1 });

    const findings = await invoke('get-ecr-image-findings', {
      entityRef: 'component:default/payments',
      repositoryArn: ARNS.payments,
      digest: release.digest,
    });
    expect(findings.output).toMatchObject({
      digest: release.digest,
      scanState: 'COMPLETE',
      totalFindings: 2,
      findings: [
        { id: 'CVE-2024-0001', severity: 'CRITICAL', packageName: 'openssl' },
        { id: 'CVE-2024-0002', severity: 'LOW', packageName: 'zlib' },
      ],
    });
  });

  it.each([
    ['list-ecr-repositories', {}],
    ['list-ecr-images', { entityRef: 'payments', limit: 0 }],
    ['list-ecr-images', { entityRef: 'payments', limit: 51 }],
    [
      'get-ecr-image-findings',
      { entityRef: 'payments', repositoryArn: ARNS.payments, digest: 'latest' },
    ],
    [
      'get-ecr-image-findings',
      {
        entityRef: 'payments',
        repositoryArn: ARNS.payments,
        digest: `sha256:${'a'.repeat(64)}`,
        minSeverity: 'SEVERE',
      },
    ],
  ])(
    'refuses invalid input to %s %j before any AWS call',
    async (name, input) => {
      const { invoke } = await startWithActions();
      await expect(invoke(name, input)).rejects.toMatchObject({
        name: 'InputError',
      });
      expect(api.requestCount()).toBe(0);
    },
  );

  it('refuses an entity ref the catalog rules reject', async () => {
    const { invoke } = await startWithActions();
    await expect(
      invoke('list-ecr-repositories', { entityRef: 'component:default/../x' }),
    ).rejects.toMatchObject({ name: 'InputError' });
  });

  it("denies with the routes' permission, before any AWS call", async () => {
    const { invoke } = await startWithActions([
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ]);
    await expect(
      invoke('list-ecr-repositories', { entityRef: 'payments' }),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('ecr.entity.read'),
    });
    expect(api.requestCount()).toBe(0);
  });

  it("never reads a repository outside the entity's annotations", async () => {
    const { invoke } = await startWithActions();
    for (const [name, extra] of [
      ['list-ecr-images', {}],
      ['get-ecr-image-findings', { digest: `sha256:${'b'.repeat(64)}` }],
    ] as const) {
      await expect(
        invoke(name, {
          entityRef: 'component:default/payments',
          repositoryArn: ARNS.other,
          ...extra,
        }),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: expect.stringContaining(
          "not one of this entity's repositories",
        ),
      });
    }
    expect(api.requestCount('DescribeImages')).toBe(0);
    expect(api.requestCount('DescribeImageScanFindings')).toBe(0);
    expect(api.requestCount('DescribeRepositories')).toBe(0);
  });

  it('answers NotFound for an entity that does not exist', async () => {
    const { invoke } = await startWithActions();
    await expect(
      invoke('list-ecr-repositories', {
        entityRef: 'component:default/nobody',
      }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
