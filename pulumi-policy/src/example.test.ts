import { ecrPolicies } from './index';
import { recordProgram, runPolicies } from './testing';

// The example program of a stack made without ecr-kit, run under mocks and checked by the
// whole pack: every setting that breaks the standard is reported with its field and fix.
it('reports the raw repository of examples/legacy with each field and fix', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const resources = await recordProgram(() => require('../examples/legacy'));
  const violations = await runPolicies(ecrPolicies(), resources);
  expect(violations.map(v => [v.policy, v.message])).toEqual([
    [
      'ecr-tag-immutability',
      'aws.ecr.Repository "legacy" (team/legacy-api): imageTagMutability: "MUTABLE" (ECR\'s default) lets a pushed tag move to another image, so a deployed tag no longer says what runs; set imageTagMutability: "IMMUTABLE" (or "IMMUTABLE_WITH_EXCLUSION" with imageTagMutabilityExclusionFilters for tags that must move, e.g. latest)',
    ],
    [
      'ecr-scan-on-push',
      'aws.ecr.Repository "legacy" (team/legacy-api): imageScanningConfiguration.scanOnPush: images are not scanned when pushed (ECR\'s default), and no registry scanning configuration covers the repository; set imageScanningConfiguration: { scanOnPush: true }, or add a registry scanning rule (SCAN_ON_PUSH or CONTINUOUS_SCAN) whose filter matches the repository',
    ],
    [
      'ecr-lifecycle-policy',
      'aws.ecr.Repository "legacy" (team/legacy-api): lifecycle policy: the repository has no lifecycle policy, so untagged and old images are kept (and paid for) forever; add an aws.ecr.LifecyclePolicy for it (the standard: expire untagged images 14 days after push, keep at most 500 images), or use @ecr-kit/pulumi\'s Repository',
    ],
    [
      'ecr-no-public-principal',
      'aws.ecr.RepositoryPolicy "legacy-policy": policy.Statement[0] (public pull).Principal: allows anyone, in every AWS account, to use the registry; name the accounts or roles (Principal: { AWS: ["arn:aws:iam::<account>:root"] }), or keep "*" with a condition on aws:PrincipalOrgID or aws:PrincipalOrgPaths',
    ],
    [
      'ecr-force-delete-off',
      'aws.ecr.Repository "legacy" (team/legacy-api): forceDelete: deleting the repository also deletes every image in it; remove forceDelete (or set it to false); delete images deliberately before the repository',
    ],
  ]);
  expect(violations.every(v => v.urn?.includes('::legacy'))).toBe(true);
});
