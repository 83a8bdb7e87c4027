import * as pulumi from '@pulumi/pulumi';

interface Created {
  type: string;
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  inputs: any;
  provider?: string;
}
const created: Created[] = [];

pulumi.runtime.setAllConfig(
  { 'ecr-platform:dockerHubToken': 'dckr_pat_test' },
  ['ecr-platform:dockerHubToken'],
);
pulumi.runtime.setMocks(
  {
    newResource: args => {
      if (args.custom !== false)
        created.push({
          type: args.type,
          name: args.name,
          inputs: args.inputs,
          provider: args.provider,
        });
      const name = args.inputs.name ?? args.name;
      return {
        id: `${args.name}-id`,
        state: {
          ...args.inputs,
          arn: `arn:aws:ecr:eu-west-1:111111111111:repository/${name}`,
          repositoryUrl: `111111111111.dkr.ecr.eu-west-1.amazonaws.com/${name}`,
          registryId: '111111111111',
        },
      };
    },
    call: args =>
      args.token === 'aws:index/getCallerIdentity:getCallerIdentity'
        ? {
            accountId: args.provider?.includes('::dr::')
              ? '222222222222'
              : '111111111111',
          }
        : args.inputs,
  },
  'ecr-platform',
  'dev',
  false,
);

const value = <T>(o: pulumi.Output<T>) =>
  new Promise<T>(resolve => o.apply(resolve));
const ofType = (type: string) => created.filter(r => r.type === type);
const providerOf = (r: Created) => r.provider?.split('::').slice(-2)[0];

async function stable(): Promise<void> {
  let last = -1;
  while (last !== created.length) {
    last = created.length;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

let program: typeof import('./index');
beforeAll(async () => {
  // The program constructs resources on load, so it is loaded after setMocks.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  program = require('./index');
  await value(pulumi.output(program.repositoryUrls));
  await stable();
});

describe('the platform program', () => {
  it('creates the expected resource graph', () => {
    const counts: Record<string, number> = {};
    for (const r of created) counts[r.type] = (counts[r.type] ?? 0) + 1;
    expect(counts).toEqual({
      'pulumi:providers:aws': 2,
      'aws:ecr/repository:Repository': 3,
      'aws:ecr/lifecyclePolicy:LifecyclePolicy': 3,
      'aws:ecr/repositoryPolicy:RepositoryPolicy': 2,
      'aws:kms/key:Key': 1,
      'aws:ecr/pullThroughCacheRule:PullThroughCacheRule': 2,
      'aws:secretsmanager/secret:Secret': 1,
      'aws:secretsmanager/secretVersion:SecretVersion': 1,
      'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate': 3,
      'aws:iam/role:Role': 2,
      'aws:iam/rolePolicy:RolePolicy': 2,
      'aws:ecr/registryPolicy:RegistryPolicy': 2,
      'aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration': 1,
      'aws:ecr/replicationConfiguration:ReplicationConfiguration': 1,
    });
  });

  it('builds standard repositories, one encrypted with a created KMS key', () => {
    const repositories = [...ofType('aws:ecr/repository:Repository')].sort(
      (a, b) => a.inputs.name.localeCompare(b.inputs.name),
    );
    expect(
      repositories.map(r => [
        r.inputs.name,
        r.inputs.imageTagMutability,
        r.inputs.encryptionConfigurations[0].encryptionType,
      ]),
    ).toEqual([
      ['payments/api', 'IMMUTABLE', 'AES256'],
      ['payments/ledger', 'IMMUTABLE', 'KMS'],
      ['storefront/web', 'IMMUTABLE_WITH_EXCLUSION', 'AES256'],
    ]);
    for (const r of repositories) {
      expect(r.inputs.forceDelete).toBe(false);
      expect(r.inputs.imageScanningConfiguration).toEqual({ scanOnPush: true });
      expect(r.inputs.tags['backstage.io/entity-ref']).toMatch(
        /^component:default\//,
      );
      expect(providerOf(r)).toBe('main');
    }
    expect(ofType('aws:kms/key:Key')[0].inputs.enableKeyRotation).toBe(true);
  });

  it('caches ECR Public and Docker Hub with stored credentials', () => {
    const rules = ofType('aws:ecr/pullThroughCacheRule:PullThroughCacheRule');
    expect(
      rules
        .map(r => [r.inputs.ecrRepositoryPrefix, r.inputs.upstreamRegistryUrl])
        .sort(),
    ).toEqual([
      ['docker', 'registry-1.docker.io'],
      ['ecr-public', 'public.ecr.aws'],
    ]);
    expect(ofType('aws:secretsmanager/secret:Secret')[0].inputs.name).toBe(
      'ecr-pullthroughcache/docker',
    );
    const docker = rules.find(r => r.inputs.ecrRepositoryPrefix === 'docker');
    expect(docker?.inputs.credentialArn).toContain(
      'ecr-pullthroughcache/docker',
    );
  });

  it('scans enhanced and replicates to the DR account through its own provider', () => {
    expect(
      ofType(
        'aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration',
      )[0].inputs.scanType,
    ).toBe('ENHANCED');
    const replication = ofType(
      'aws:ecr/replicationConfiguration:ReplicationConfiguration',
    )[0];
    expect(providerOf(replication)).toBe('main');
    expect(
      replication.inputs.replicationConfiguration.rules[0].destinations,
    ).toEqual([{ region: 'eu-central-1', registryId: '222222222222' }]);
    const policies = ofType('aws:ecr/registryPolicy:RegistryPolicy');
    const drPolicy = policies.find(p => providerOf(p) === 'dr');
    expect(JSON.parse(drPolicy?.inputs.policy).Statement[0].Action).toEqual([
      'ecr:CreateRepository',
      'ecr:ReplicateImage',
    ]);
    const drTemplate = ofType(
      'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate',
    ).find(t => providerOf(t) === 'dr');
    expect(drTemplate?.inputs).toEqual(
      expect.objectContaining({
        prefix: 'ROOT',
        appliedFors: ['REPLICATION'],
        region: 'eu-central-1',
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        customRoleArn: expect.any(String),
      }),
    );
    const cacheTemplates = ofType(
      'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate',
    ).filter(t => providerOf(t) === 'main');
    expect(cacheTemplates.map(t => t.inputs.imageTagMutability)).toEqual([
      'MUTABLE',
      'MUTABLE',
    ]);
  });

  it('exports the catalog annotations', async () => {
    expect(
      await value(pulumi.output(program.catalogAnnotations.payments)),
    ).toEqual({
      'aws.amazon.com/amazon-ecr-arn':
        'arn:aws:ecr:eu-west-1:111111111111:repository/payments/api',
    });
  });
});
