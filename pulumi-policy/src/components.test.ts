import { PullThroughCache, Registry, Repository } from '@ecr-kit/pulumi';
import { POLICY_NAMES, ecrPolicies } from './index';
import { recordProgram, runPolicies } from './testing';

// One standard, two enforcers: what @ecr-kit/pulumi's components create passes the pack.
it("passes the components' resources with no violation", async () => {
  const resources = await recordProgram(() => {
    const main = new Registry('main', {
      accountId: '111111111111',
      region: 'eu-west-1',
      scanning: { scanType: 'ENHANCED' },
      replication: {
        rules: [
          {
            destinations: [
              { accountId: '111111111111', region: 'eu-central-1' },
            ],
          },
        ],
      },
    });
    new PullThroughCache('cache', {
      registry: main,
      rules: [{ upstream: 'ecr-public' }],
      allowedPrincipals: ['333333333333'],
    });
    new Repository('api', {
      name: 'payments/api',
      pullAccounts: ['222222222222'],
    });
    new Repository('web', {
      name: 'payments/web',
      mutableTagFilters: ['latest'],
      encryption: 'KMS',
      scanOnPush: false, // the registry's enhanced scanning covers it
      pullOrganizationIds: ['o-abcdefghij'],
    });
  });
  const types = new Set(resources.map(r => r.type));
  expect([...types].filter(t => t.startsWith('aws:ecr/')).sort()).toEqual([
    'aws:ecr/lifecyclePolicy:LifecyclePolicy',
    'aws:ecr/pullThroughCacheRule:PullThroughCacheRule',
    'aws:ecr/registryPolicy:RegistryPolicy',
    'aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration',
    'aws:ecr/replicationConfiguration:ReplicationConfiguration',
    'aws:ecr/repository:Repository',
    'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate',
    'aws:ecr/repositoryPolicy:RepositoryPolicy',
  ]);
  expect(await runPolicies(ecrPolicies(), resources)).toEqual([]);
  // A KMS requirement reports the AES256 repository only.
  const kms = await runPolicies(ecrPolicies(), resources, {
    [POLICY_NAMES.encryption]: { requireKms: true },
  });
  expect(kms.map(v => v.message)).toEqual([
    expect.stringMatching(
      /^aws\.ecr\.Repository "api" \(payments\/api\): encryptionConfigurations\[0\]\.encryptionType/,
    ),
    expect.stringMatching(
      /^aws\.ecr\.RepositoryCreationTemplate "cache-ecr-public-template" \(ecr-public\)/,
    ),
    expect.stringMatching(
      /^aws\.ecr\.RepositoryCreationTemplate "main-replication-rules-111111111111-eu-central-1-template" \(ROOT\)/,
    ),
  ]);
});
