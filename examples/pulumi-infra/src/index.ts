// The platform team's ECR: three service repositories (one with KMS), a pull-through
// cache for ECR Public and Docker Hub, enhanced scanning and replication to a DR account
// in another Region. `pulumi up` with AWS credentials for the main account; the DR
// account is reached by assuming `drRoleArn`. This stack owns the registry-wide settings
// (registry policy, replication, scanning) of both registries: no other stack may.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import {
  PullThroughCache,
  Registry,
  RegistryScanning,
  Replication,
  Repository,
} from '@ecr-kit/pulumi';

const config = new pulumi.Config();
const main = {
  accountId: config.get('accountId') ?? '111111111111',
  region: config.get('region') ?? 'eu-west-1',
};
const dr = {
  accountId: config.get('drAccountId') ?? '222222222222',
  region: config.get('drRegion') ?? 'eu-central-1',
};
const drRoleArn =
  config.get('drRoleArn') ??
  `arn:aws:iam::${dr.accountId}:role/ecr-kit-deployer`;
// The role CI pulls with; it may fill the cache (create cached repositories, import images).
const ciRoleArn =
  config.get('ciRoleArn') ?? `arn:aws:iam::${main.accountId}:role/ci`;

const mainProvider = new aws.Provider('main', {
  region: main.region,
  allowedAccountIds: [main.accountId],
});
const drProvider = new aws.Provider('dr', {
  region: dr.region,
  assumeRoles: [{ roleArn: drRoleArn }],
});

// One Registry per account and Region owns its registry-wide singletons; the cache, the
// scanning and the replication below contribute to them.
const mainRegistry = new Registry('main', main, { provider: mainProvider });
const drRegistry = new Registry('dr', dr, { provider: drProvider });

// Service repositories, tagged with their owning catalog entity.
const payments = new Repository(
  'payments',
  {
    name: 'payments/api',
    entityRef: 'component:default/payments-api',
    pullAccounts: [dr.accountId],
  },
  { provider: mainProvider },
);
const ledger = new Repository(
  'ledger',
  {
    name: 'payments/ledger',
    entityRef: 'component:default/ledger',
    encryption: 'KMS',
  },
  { provider: mainProvider },
);
const web = new Repository(
  'web',
  {
    name: 'storefront/web',
    entityRef: 'component:default/storefront-web',
    mutableTagFilters: ['latest'],
    lambdaPull: true,
  },
  { provider: mainProvider },
);

// Pull-through cache: ECR Public (no credentials) and Docker Hub (token kept as a secret).
// Cached repositories are mutable so that cached tags follow their upstream.
new PullThroughCache('cache', {
  registry: mainRegistry,
  rules: [
    { upstream: 'ecr-public' },
    {
      upstream: 'docker-hub',
      prefix: 'docker',
      credentials: {
        username: config.get('dockerHubUser') ?? 'platform-bot',
        accessToken: config.requireSecret('dockerHubToken'),
      },
    },
  ],
  allowedPrincipals: [ciRoleArn],
});

new RegistryScanning('scanning', {
  registry: mainRegistry,
  scanType: 'ENHANCED',
  rules: [
    { frequency: 'CONTINUOUS_SCAN', filters: ['payments/*'] },
    { frequency: 'SCAN_ON_PUSH', filters: ['*'] },
  ],
});

new Replication('dr', {
  source: mainRegistry,
  rules: [
    {
      destinations: [drRegistry],
      repositoryPrefixes: ['payments/', 'storefront/'],
    },
  ],
  // storefront/web moves `latest`: its copies must let `latest` move too.
  replicatedRepositories: { mutableTagFilters: ['latest'] },
});

export const repositoryUrls = {
  payments: payments.repositoryUrl,
  ledger: ledger.repositoryUrl,
  web: web.repositoryUrl,
};
export const catalogAnnotations = {
  payments: payments.catalogAnnotations,
  ledger: ledger.catalogAnnotations,
  web: web.catalogAnnotations,
};
