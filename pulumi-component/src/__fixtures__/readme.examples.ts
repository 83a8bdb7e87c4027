// The README's examples, as code the tests apply to the ECR simulator. Each region between
// `// #region <name>` and `// #endregion` is the README's code block after
// `<!-- example: <name> -->`, character for character (readme.examples.test.ts checks it).
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import {
  PullThroughCache,
  Registry,
  RegistryScanning,
  Replication,
  Repository,
} from '../index';

export function repositoryExample() {
  // #region repository
  const api = new Repository('payments', {
    name: 'payments/api',
    entityRef: 'component:default/payments-api', // tag backstage.io/entity-ref
    pullAccounts: ['222222222222'],
  });
  const annotations = api.catalogAnnotations; // { 'aws.amazon.com/amazon-ecr-arn': arn }
  // #endregion
  return { api, annotations };
}

export function lifecycleExample() {
  // #region lifecycle
  new Repository('web', {
    lifecycleRules: [
      { tagStatus: 'untagged', countType: 'sinceImagePushed', countNumber: 7 },
      {
        tagStatus: 'tagged',
        tagPatternList: ['release-*'],
        countType: 'sinceImagePulled',
        countNumber: 90,
        action: 'transition', // sinceImagePulled only archives
      },
      {
        tagStatus: 'any',
        countType: 'sinceImageTransitioned',
        countNumber: 365,
      },
    ],
  });
  // #endregion
}

export function retainExample() {
  // #region retain
  new Repository('scratch', {
    name: 'dev/scratch',
    onDelete: 'retain', // `pulumi destroy` leaves it (and its images) in AWS
  });
  // #endregion
}

export function registryExample() {
  // #region registry
  const drProvider = new aws.Provider('dr', {
    region: 'eu-central-1',
    assumeRoles: [{ roleArn: 'arn:aws:iam::222222222222:role/deployer' }],
  });
  // One Registry per account + Region, each with that account's provider.
  const main = new Registry('main', {
    accountId: '111111111111',
    region: 'eu-west-1',
  });
  const dr = new Registry(
    'dr',
    { accountId: '222222222222', region: 'eu-central-1' },
    { provider: drProvider },
  );
  // Contributors take their Registry: none can exist without it.
  new PullThroughCache('cache', {
    registry: main,
    rules: [{ upstream: 'ecr-public' }],
  });
  new RegistryScanning('scanning', { registry: main, scanType: 'ENHANCED' });
  new Repository('api', { name: 'payments/api' });
  new Replication('dr', {
    source: main,
    rules: [{ destinations: [dr], repositoryPrefixes: ['payments/'] }],
  });
  // #endregion
}

export function pullThroughCacheExample() {
  // #region pull-through-cache
  const config = new pulumi.Config();
  const main = new Registry('main', {
    accountId: '111111111111',
    region: 'eu-west-1',
  });
  new PullThroughCache('cache', {
    registry: main,
    rules: [
      { upstream: 'ecr-public' },
      {
        upstream: 'docker-hub',
        prefix: 'docker',
        credentials: {
          username: 'bot',
          accessToken: config.requireSecret('dockerHubToken'),
        },
      },
      {
        upstream: 'github',
        credentialArn:
          'arn:aws:secretsmanager:eu-west-1:111111111111:secret:ecr-pullthroughcache/ghcr-AbCdEf',
      },
    ],
    // the CI account's principals (with IAM permissions there) may cache
    // under docker/*, ecr-public/* and github/*
    allowedPrincipals: ['333333333333'],
    // the CI role only under ecr-public/docker/*
    grants: [
      {
        principals: ['arn:aws:iam::111111111111:role/ci'],
        repositories: 'ecr-public/docker',
      },
    ],
  });
  // #endregion
}

export function scanningExample() {
  // #region scanning
  const main = new Registry('main', {
    accountId: '111111111111',
    region: 'eu-west-1',
  });
  new RegistryScanning('scanning', {
    registry: main,
    scanType: 'ENHANCED', // default BASIC
    rules: [
      { frequency: 'CONTINUOUS_SCAN', filters: ['payments/*'] },
      { frequency: 'SCAN_ON_PUSH' }, // filters default ['*']
    ],
  });
  // #endregion
}

export function registryDataExample() {
  // #region registry-data
  // Everything as data, as other languages write it: the Registry creates the contributors.
  new Registry('main', {
    accountId: '111111111111',
    region: 'eu-west-1',
    pullThroughCache: { rules: [{ upstream: 'ecr-public' }] },
    scanning: { scanType: 'ENHANCED' },
    replication: {
      rules: [
        {
          destinations: [
            {
              accountId: '222222222222',
              region: 'eu-central-1',
              // deploys the DR side (template, role, registry policy) with this role
              assumeRoleArn: 'arn:aws:iam::222222222222:role/deployer',
            },
          ],
        },
      ],
    },
  });
  new Repository('api', { name: 'payments/api' });
  // #endregion
}

/** Every example, by the name of its README block. */
export const README_EXAMPLES: Record<string, () => unknown> = {
  repository: repositoryExample,
  lifecycle: lifecycleExample,
  retain: retainExample,
  registry: registryExample,
  'pull-through-cache': pullThroughCacheExample,
  scanning: scanningExample,
  'registry-data': registryDataExample,
};
