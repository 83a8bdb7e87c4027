// The platform team's ECR: three service repositories (one with KMS), a pull-through
// cache for ECR Public and Docker Hub, enhanced scanning and replication to a DR account
// in another Region. `pulumi up` with AWS credentials for the main account; the DR
// account is reached by assuming `drRoleArn`.
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

const mainProvider = new aws.Provider('main', { region: main.region });
const drProvider = new aws.Provider('dr', {
  region: dr.region,
  assumeRoles: [{ roleArn: drRoleArn }],
});

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
const cache = new PullThroughCache(
  'cache',
  {
    registry: main,
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
    allowedPrincipals: [main.accountId],
  },
  { provider: mainProvider },
);

const scanning = new RegistryScanning(
  'scanning',
  {
    registry: main,
    scanType: 'ENHANCED',
    rules: [
      { frequency: 'CONTINUOUS_SCAN', filters: ['payments/*'] },
      { frequency: 'SCAN_ON_PUSH', filters: ['*'] },
    ],
  },
  { provider: mainProvider },
);

const replication = new Replication(
  'dr',
  {
    source: main,
    rules: [
      {
        destinations: [{ ...dr, provider: drProvider }],
        repositoryPrefixes: ['payments/', 'storefront/'],
      },
    ],
  },
  { provider: mainProvider },
);

// One Registry per account and Region owns its registry-wide singletons.
new Registry(
  'main',
  { ...main, contributors: [cache, scanning, replication] },
  { provider: mainProvider },
);
new Registry(
  'dr',
  { ...dr, contributors: [replication] },
  { provider: drProvider },
);

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
