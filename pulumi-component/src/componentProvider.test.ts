import {
  components,
  created,
  providerAccounts,
  reset,
  value,
} from './__testUtils__/mocks';
import * as pulumi from '@pulumi/pulumi';
import {
  COMPONENTS,
  componentProvider,
  constructThroughProvider,
  waitForRegistrations,
} from './__testUtils__/componentProvider';

// Each component constructed twice from the same plain data: once with `new` (the TypeScript
// path) and once through the component provider's `construct`, as a Python, Go, .NET or
// YAML program reaches it. Both must register the same resources.

const MAIN = { accountId: '111111111111', region: 'eu-west-1' };
providerAccounts['dr-222222222222-eu-central-1'] = '222222222222';

type Name = keyof typeof COMPONENTS;

const cases: [Name, string, () => pulumi.Inputs][] = [
  [
    'Repository',
    'payments',
    () => ({
      name: 'payments/api',
      encryption: 'KMS',
      onDelete: 'retain',
      mutableTagFilters: ['latest'],
      pullAccounts: ['222222222222'],
      lifecycleRules: [
        {
          tagStatus: 'untagged',
          countType: 'sinceImagePushed',
          countNumber: 7,
        },
        { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 100 },
      ],
      policyStatements: [
        {
          Sid: 'ci',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::333333333333:role/ci' },
          Action: 'ecr:BatchGetImage',
        },
      ],
      tags: { team: 'payments' },
    }),
  ],
  [
    'Registry',
    'main',
    () => ({
      ...MAIN,
      pullThroughCache: {
        rules: [
          { upstream: 'ecr-public' },
          {
            upstream: 'github',
            credentialArn:
              'arn:aws:secretsmanager:eu-west-1:111111111111:secret:ecr-pullthroughcache/ghcr-AbCdEf',
          },
        ],
        allowedPrincipals: ['333333333333'],
      },
      scanning: { scanType: 'ENHANCED' },
      replication: {
        rules: [{ destinations: [{ ...MAIN, region: 'eu-central-1' }] }],
      },
    }),
  ],
  [
    'PullThroughCache',
    'cache',
    () => ({
      registry: MAIN,
      rules: [{ upstream: 'ecr-public' }, { upstream: 'k8s' }],
      grants: [
        {
          principals: ['arn:aws:iam::111111111111:role/ci'],
          repositories: 'ecr-public/docker',
        },
      ],
    }),
  ],
  [
    'Replication',
    'dr',
    () => ({
      source: MAIN,
      rules: [
        {
          destinations: [
            { ...MAIN, region: 'eu-central-1' },
            {
              accountId: '222222222222',
              region: 'eu-central-1',
              assumeRoleArn: 'arn:aws:iam::222222222222:role/deployer',
            },
          ],
          repositoryPrefixes: ['payments/'],
        },
      ],
    }),
  ],
  [
    'RegistryScanning',
    'scanning',
    () => ({
      registry: MAIN,
      scanType: 'ENHANCED',
      rules: [
        { frequency: 'CONTINUOUS_SCAN', filters: ['payments/*'] },
        { frequency: 'SCAN_ON_PUSH' },
      ],
    }),
  ],
];

/** What the mock engine saw, without ids that differ between runs. */
function registrations() {
  const strip = (ref: string | undefined) =>
    ref?.split('::').slice(-2)[0]?.replace(/_id$/, '');
  return {
    components: components.map(c => [c.type, c.name]),
    resources: created.map(r => ({
      type: r.type,
      name: r.name,
      inputs: r.inputs,
      provider: strip(r.provider),
    })),
  };
}

beforeEach(reset);

describe('construct through the component provider', () => {
  const provider = componentProvider();

  it.each(cases)(
    '%s registers what the TypeScript path registers',
    async (component, name, inputs) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const Component = COMPONENTS[component] as any;
      new Component(name, inputs());
      await waitForRegistrations();
      const typescript = registrations();
      expect(typescript.resources.length).toBeGreaterThan(0);

      reset();
      const result = await constructThroughProvider(
        provider,
        `ecr-kit:index:${component}`,
        name,
        inputs(),
      );
      expect(await value(pulumi.output(result.urn))).toContain(
        `ecr-kit:index:${component}::${name}`,
      );
      expect(registrations()).toEqual(typescript);
    },
  );

  it('returns the outputs the schema lists as the component state', async () => {
    const result = await constructThroughProvider(
      provider,
      'ecr-kit:index:Repository',
      'web',
      { name: 'team/web' },
    );
    expect(Object.keys(result.state).sort()).toEqual(
      [
        'arn',
        'catalogAnnotations',
        'kmsKey',
        'kmsKeyArn',
        'lifecyclePolicy',
        'name',
        'registryId',
        'repository',
        'repositoryPolicy',
        'repositoryUrl',
      ].sort(),
    );
    expect(await value(pulumi.output(result.state.repositoryUrl))).toBe(
      '111111111111.dkr.ecr.eu-west-1.amazonaws.com/team/web',
    );
  });

  it('refuses a type of another package, naming it', async () => {
    await expect(
      constructThroughProvider(provider, 'other:index:Repository', 'x', {}),
    ).rejects.toThrow("Invalid package name other, expected 'ecr-kit'");
  });

  it('refuses settings that arrive as an Output (a secret inside), naming the fix', async () => {
    // The provider host turns an argument holding a secret anywhere inside into one Output.
    await expect(
      constructThroughProvider(provider, 'ecr-kit:index:Registry', 'main', {
        ...MAIN,
        pullThroughCache: {
          rules: [
            {
              upstream: 'docker-hub',
              credentials: {
                username: 'bot',
                accessToken: pulumi.secret('t0k'),
              },
            },
          ],
        },
      }),
    ).rejects.toThrow(
      'Registry "main": pullThroughCache: arrived as an Output: it holds a secret or another resource\'s output, and it is checked when the component is constructed; give plain values here; for upstream credentials from another language, store them in a secret and give credentialArn',
    );
  });
});

describe('a Registry given its contributions as data', () => {
  it('registers the resources of a Registry with contributor components', async () => {
    new COMPONENTS.Registry('main', {
      ...MAIN,
      pullThroughCache: { rules: [{ upstream: 'ecr-public' }] },
      scanning: { scanType: 'ENHANCED' },
      replication: {
        rules: [{ destinations: [{ ...MAIN, region: 'eu-central-1' }] }],
      },
    });
    await waitForRegistrations();
    const data = registrations().resources;

    reset();
    const main = new COMPONENTS.Registry('main', MAIN);
    const dr = new COMPONENTS.Registry('dr-registry', {
      ...MAIN,
      region: 'eu-central-1',
    });
    new COMPONENTS.PullThroughCache('main-pull-through-cache', {
      registry: main,
      rules: [{ upstream: 'ecr-public' }],
    });
    new COMPONENTS.RegistryScanning('main-scanning-rules', {
      registry: main,
      scanType: 'ENHANCED',
    });
    new COMPONENTS.Replication('main-replication-rules', {
      source: main,
      rules: [{ destinations: [dr] }],
    });
    await waitForRegistrations();
    const objects = registrations().resources;
    const key = (r: { type: string; name: string }) => `${r.type} ${r.name}`;
    const implicit =
      'main-replication-rules-111111111111-eu-central-1-registry';
    expect(data.map(key).sort()).toEqual(
      objects
        .map(key)
        .map(k => k.replace('dr-registry', implicit))
        .sort(),
    );
    const byKey = (list: typeof data) =>
      Object.fromEntries(list.map(r => [key(r), r.inputs]));
    expect(
      byKey(data)[
        'aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration main-scanning'
      ],
    ).toEqual(
      byKey(objects)[
        'aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration main-scanning'
      ],
    );
  });

  it("gives a contributor named by its fields the program's Registry while it is open", async () => {
    const main = new COMPONENTS.Registry('main', MAIN);
    new COMPONENTS.RegistryScanning('scans', {
      registry: { ...MAIN },
      scanType: 'ENHANCED',
    });
    await waitForRegistrations();
    expect(main.scanningConfiguration).toBeDefined();
    expect(components.map(c => c.name)).toEqual(['main', 'scans']);
  });

  it('refuses a contributor after its Registry wrote the singletons, naming the fix', async () => {
    new COMPONENTS.Registry('main', MAIN);
    await new Promise(resolve => setImmediate(resolve));
    expect(
      () =>
        new COMPONENTS.RegistryScanning('late', {
          registry: { ...MAIN },
          scanType: 'ENHANCED',
        }),
    ).toThrow(
      'RegistryScanning "late": registry: Registry "main" of 111111111111/eu-west-1 has already written the registry\'s singletons; give this component\'s settings to that Registry as data (RegistryArgs.pullThroughCache, scanning, replication), or construct it in the same synchronous part of the program',
    );
  });
});

describe('replication destinations given by their fields', () => {
  it('deploys to another account with a provider assuming assumeRoleArn', async () => {
    new COMPONENTS.Replication('dr', {
      source: MAIN,
      rules: [
        {
          destinations: [
            {
              accountId: '222222222222',
              region: 'eu-central-1',
              assumeRoleArn: 'arn:aws:iam::222222222222:role/deployer',
            },
          ],
        },
      ],
    });
    await waitForRegistrations();
    const provider = created.find(r => r.type === 'pulumi:providers:aws');
    expect(provider).toMatchObject({
      name: 'dr-222222222222-eu-central-1',
      inputs: {
        region: 'eu-central-1',
        allowedAccountIds: '["222222222222"]',
        assumeRoles: '[{"roleArn":"arn:aws:iam::222222222222:role/deployer"}]',
      },
    });
    const template = created.find(
      r =>
        r.type ===
        'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate',
    );
    expect(template?.name).toBe('dr-222222222222-eu-central-1-template');
    expect(template?.provider).toContain('::dr-222222222222-eu-central-1::');
    // The source account may replicate into the destination (its registry policy).
    const grant = created.find(
      r => r.type === 'aws:ecr/registryPolicy:RegistryPolicy',
    );
    expect(grant?.name).toBe('dr-222222222222-eu-central-1-registry-policy');
    expect(grant?.provider).toContain('::dr-222222222222-eu-central-1::');
    expect(components.map(c => c.name)).toEqual([
      'dr',
      'dr-registry',
      'dr-222222222222-eu-central-1-registry',
    ]);
  });

  it('lists every violation at once and creates nothing', async () => {
    let error: Error | undefined;
    try {
      new COMPONENTS.Replication('dr', {
        source: MAIN,
        rules: [
          {
            destinations: [
              { accountId: '222222222222', region: 'eu-central-1' },
            ],
          },
        ],
        replicatedRepositories: { kmsKeyArn: 'alias/ecr' },
      });
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message.split(' | ')).toEqual([
      expect.stringContaining(
        'destinations 222222222222/eu-central-1: the destination is in another account',
      ),
      expect.stringContaining(
        'replicatedRepositories.kmsKeyArn: "alias/ecr" is not a KMS key ARN',
      ),
    ]);
    await waitForRegistrations();
    expect(components.map(c => c.name)).toEqual(['dr', 'dr-registry']);
    expect(created).toEqual([]);
  });

  it('refuses another account without credentials, naming the fix', () => {
    expect(
      () =>
        new COMPONENTS.Replication('dr', {
          source: MAIN,
          rules: [
            {
              destinations: [
                { accountId: '222222222222', region: 'eu-central-1' },
              ],
            },
          ],
        }),
    ).toThrow(
      'Replication "dr": destinations 222222222222/eu-central-1: the destination is in another account than the source (111111111111) and no Registry of it is in the program, so there are no credentials to create its creation template and registry policy statement; give assumeRoleArn (a role of account 222222222222 to deploy with), or list a Registry of that account with its provider',
    );
  });
});

describe('settings that arrive as Outputs', () => {
  it('are refused for a Repository, naming each field', async () => {
    await expect(
      constructThroughProvider(
        componentProvider(),
        'ecr-kit:index:Repository',
        'web',
        {
          pullAccounts: [pulumi.secret('222222222222')],
          mutableTagFilters: ['latest'],
        },
      ),
    ).rejects.toThrow(
      'Repository "web": pullAccounts: arrived as an Output: it holds a secret or another resource\'s output, and it is checked when the component is constructed; give plain values here',
    );
  });
});
