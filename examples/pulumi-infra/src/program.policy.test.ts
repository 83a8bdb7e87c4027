import * as pulumi from '@pulumi/pulumi';
import { ecrPolicies } from '@ecr-kit/pulumi-policy';
import { recordProgram, runPolicies } from '@ecr-kit/pulumi-policy/testing';

// `pulumi preview --policy-pack ../../pulumi-policy` on this program, without the CLI: the
// pack's policies run over every resource the program registers (under mocks).
it('passes every policy of the ecr-kit pack; with KMS required, the AES256 repositories and templates are reported', async () => {
  pulumi.runtime.setAllConfig(
    { 'ecr-platform:dockerHubToken': 'dckr_pat_test' },
    ['ecr-platform:dockerHubToken'],
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const resources = await recordProgram(() => require('./index'), {
    project: 'ecr-platform',
    callerAccount: provider => (provider === 'dr' ? '222222222222' : undefined),
  });
  expect(
    resources.filter(r => r.type === 'aws:ecr/repository:Repository'),
  ).toHaveLength(3);
  expect(await runPolicies(ecrPolicies(), resources)).toEqual([]);

  const kms = await runPolicies(ecrPolicies(), resources, {
    'ecr-encryption': { requireKms: true },
  });
  expect(kms.map(v => v.message.split(':')[0])).toEqual([
    'aws.ecr.Repository "payments" (payments/api)',
    'aws.ecr.Repository "web" (storefront/web)',
    expect.stringMatching(/^aws\.ecr\.RepositoryCreationTemplate /),
    expect.stringMatching(/^aws\.ecr\.RepositoryCreationTemplate /),
    expect.stringMatching(/^aws\.ecr\.RepositoryCreationTemplate /),
  ]);
});
