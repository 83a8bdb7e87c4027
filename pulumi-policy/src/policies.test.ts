import * as aws from '@pulumi/aws';
import {
  defaultLifecycleRules,
  lifecyclePolicyText,
} from '@ecr-kit/ecr-standard';
import type { EcrPolicyOptions } from './index';
import { POLICY_NAMES, ecrPolicies } from './index';
import type { RecordedResource } from './testing';
import { recordProgram, runPolicies, runPolicy } from './testing';

// Every policy with resources that pass and resources that break it, made by real
// `aws.ecr.*` resources of a Pulumi program under mocks, checked the way @pulumi/policy's own
// tests run policies (validateResource / validateStack with a collecting reportViolation).

const policy = (name: string, options?: EcrPolicyOptions) => {
  const found = ecrPolicies(options).find(p => p.name === name);
  if (!found) throw new Error(`no policy ${name}`);
  return found;
};

async function check(
  name: string,
  program: () => void,
  config: Record<string, unknown> = {},
): Promise<string[]> {
  const resources = await recordProgram(program);
  return (await runPolicy(policy(name), resources, config)).map(v => v.message);
}

const compliant: aws.ecr.RepositoryArgs = {
  name: 'team/api',
  imageTagMutability: 'IMMUTABLE',
  imageScanningConfiguration: { scanOnPush: true },
};
// Which rules the policy holds is no concern of the policy pack, only that there is one.
const LIFECYCLE = lifecyclePolicyText('test', defaultLifecycleRules());

describe(POLICY_NAMES.tagImmutability, () => {
  test.each<
    [string, aws.ecr.RepositoryArgs, Record<string, unknown>, string[]]
  >([
    ['IMMUTABLE passes', { imageTagMutability: 'IMMUTABLE' }, {}, []],
    [
      'IMMUTABLE_WITH_EXCLUSION passes',
      {
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: [
          { filter: 'latest', filterType: 'WILDCARD' },
        ],
      },
      {},
      [],
    ],
    [
      'MUTABLE is reported',
      { imageTagMutability: 'MUTABLE' },
      {},
      [
        'aws.ecr.Repository "r": imageTagMutability: "MUTABLE" lets a pushed tag move to another image, so a deployed tag no longer says what runs; set imageTagMutability: "IMMUTABLE" (or "IMMUTABLE_WITH_EXCLUSION" with imageTagMutabilityExclusionFilters for tags that must move, e.g. latest)',
      ],
    ],
    [
      'exclusions are reported where not allowed',
      {
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: [
          { filter: 'latest', filterType: 'WILDCARD' },
        ],
      },
      { allowExclusions: false },
      [
        'aws.ecr.Repository "r": imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" lets a pushed tag move to another image, so a deployed tag no longer says what runs; set imageTagMutability: "IMMUTABLE"',
      ],
    ],
    [
      'an exception is skipped',
      { imageTagMutability: 'MUTABLE' },
      { exceptions: ['r'] },
      [],
    ],
  ])('%s', async (_, args, config, expected) => {
    expect(
      await check(
        POLICY_NAMES.tagImmutability,
        () => new aws.ecr.Repository('r', args),
        config,
      ),
    ).toEqual(expected);
  });

  it("reports an invalid exclusion filter with the standard's rule", async () => {
    const messages = await check(POLICY_NAMES.tagImmutability, () => {
      new aws.ecr.Repository('r', {
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: [
          { filter: 'a/b', filterType: 'WILDCARD' },
        ],
      });
    });
    expect(messages).toEqual([
      expect.stringMatching(
        /^aws\.ecr\.Repository "r": imageTagMutabilityExclusionFilters\[0\]: "a\/b"/,
      ),
    ]);
  });

  it('checks templates of replicated repositories, not cached ones', async () => {
    const messages = await check(POLICY_NAMES.tagImmutability, () => {
      new aws.ecr.RepositoryCreationTemplate('replicated', {
        prefix: 'ROOT',
        appliedFors: ['REPLICATION'],
      });
      new aws.ecr.RepositoryCreationTemplate('cached', {
        prefix: 'docker-hub',
        appliedFors: ['PULL_THROUGH_CACHE'],
        imageTagMutability: 'MUTABLE',
      });
    });
    expect(messages).toEqual([
      expect.stringContaining(
        'aws.ecr.RepositoryCreationTemplate "replicated" (ROOT): imageTagMutability: "MUTABLE" lets',
      ),
    ]);
  });
});

describe(POLICY_NAMES.scanOnPush, () => {
  it('passes a repository that scans on push', async () => {
    expect(
      await check(
        POLICY_NAMES.scanOnPush,
        () => new aws.ecr.Repository('r', compliant),
      ),
    ).toEqual([]);
  });

  it('reports one that does not, with the field and both fixes', async () => {
    expect(
      await check(
        POLICY_NAMES.scanOnPush,
        () =>
          new aws.ecr.Repository('r', {
            name: 'team/api',
            imageScanningConfiguration: { scanOnPush: false },
          }),
      ),
    ).toEqual([
      'aws.ecr.Repository "r" (team/api): imageScanningConfiguration.scanOnPush: images are not scanned when pushed, and no registry scanning configuration covers the repository; set imageScanningConfiguration: { scanOnPush: true }, or add a registry scanning rule (SCAN_ON_PUSH or CONTINUOUS_SCAN) whose filter matches the repository',
    ]);
  });

  test.each([
    ['a matching SCAN_ON_PUSH filter', 'SCAN_ON_PUSH', 'team/*', 0],
    ['a matching CONTINUOUS_SCAN filter', 'CONTINUOUS_SCAN', '*', 0],
    ['a filter of other repositories', 'SCAN_ON_PUSH', 'other/*', 1],
    ['a MANUAL rule', 'MANUAL', '*', 1],
  ])(
    'with registry scanning: %s → %i',
    async (_, scanFrequency, filter, count) => {
      const messages = await check(POLICY_NAMES.scanOnPush, () => {
        new aws.ecr.Repository('r', { name: 'team/api' });
        new aws.ecr.RegistryScanningConfiguration('scanning', {
          scanType: 'ENHANCED',
          rules: [
            {
              scanFrequency,
              repositoryFilters: [{ filter, filterType: 'WILDCARD' }],
            },
          ],
        });
      });
      expect(messages).toHaveLength(count);
    },
  );
});

describe(POLICY_NAMES.encryption, () => {
  test.each<
    [string, aws.ecr.RepositoryArgs, Record<string, unknown>, string[]]
  >([
    ['AES256 (default) passes', {}, {}, []],
    [
      'AES256 is reported where KMS is required',
      { encryptionConfigurations: [{ encryptionType: 'AES256' }] },
      { requireKms: true },
      [
        'aws.ecr.Repository "r": encryptionConfigurations[0].encryptionType: "AES256" encryption, where this organization requires KMS; set encryptionConfigurations[0]: { encryptionType: "KMS", kmsKey: <key ARN> }',
      ],
    ],
    [
      'KMS passes where KMS is required',
      { encryptionConfigurations: [{ encryptionType: 'KMS' }] },
      { requireKms: true },
      [],
    ],
    [
      "ECR's managed key is reported where a customer managed key is required",
      { encryptionConfigurations: [{ encryptionType: 'KMS' }] },
      { requireKms: true, kmsKeyRequired: true },
      [
        'aws.ecr.Repository "r": encryptionConfigurations[0].kmsKey: KMS encryption with ECR\'s AWS managed key, where this organization requires its own key; set encryptionConfigurations[0].kmsKey to the ARN of a customer managed key of the repository\'s Region',
      ],
    ],
    [
      'a customer managed key passes',
      {
        encryptionConfigurations: [
          {
            encryptionType: 'KMS',
            kmsKey: 'arn:aws:kms:eu-west-1:111111111111:key/k',
          },
        ],
      },
      { requireKms: true, kmsKeyRequired: true },
      [],
    ],
  ])('%s', async (_, args, config, expected) => {
    expect(
      await check(
        POLICY_NAMES.encryption,
        () => new aws.ecr.Repository('r', args),
        config,
      ),
    ).toEqual(expected);
  });

  it('checks creation templates too', async () => {
    const messages = await check(
      POLICY_NAMES.encryption,
      () =>
        new aws.ecr.RepositoryCreationTemplate('t', {
          prefix: 'ROOT',
          appliedFors: ['REPLICATION'],
        }),
      { requireKms: true },
    );
    expect(messages).toEqual([
      expect.stringContaining(
        'aws.ecr.RepositoryCreationTemplate "t" (ROOT): encryptionConfigurations[0].encryptionType',
      ),
    ]);
  });
});

describe(POLICY_NAMES.lifecyclePolicy, () => {
  it('passes a repository with a lifecycle policy', async () => {
    expect(
      await check(POLICY_NAMES.lifecyclePolicy, () => {
        const repo = new aws.ecr.Repository('r', compliant);
        new aws.ecr.LifecyclePolicy('r-lifecycle', {
          repository: repo.name,
          policy: LIFECYCLE,
        });
      }),
    ).toEqual([]);
  });

  it("reports one without, and one whose policy is another repository's", async () => {
    const messages = await check(POLICY_NAMES.lifecyclePolicy, () => {
      new aws.ecr.Repository('a', { ...compliant, name: 'team/a' });
      new aws.ecr.Repository('b', { ...compliant, name: 'team/b' });
      new aws.ecr.LifecyclePolicy('c-lifecycle', {
        repository: 'team/c',
        policy: LIFECYCLE,
      });
    });
    expect(messages).toEqual([
      expect.stringMatching(
        /^aws\.ecr\.Repository "a" \(team\/a\): lifecycle policy: the repository has no lifecycle policy/,
      ),
      expect.stringMatching(
        /^aws\.ecr\.Repository "b" \(team\/b\): lifecycle policy:/,
      ),
    ]);
  });

  it('matches a lifecycle policy by its property dependency (names unknown at preview)', async () => {
    const repository: RecordedResource = {
      type: 'aws:ecr/repository:Repository',
      name: 'r',
      urn: 'urn:pulumi:test::p::aws:ecr/repository:Repository::r',
      inputs: {},
      outputs: {},
    };
    const lifecycle = policy(POLICY_NAMES.lifecyclePolicy);
    expect(await runPolicy(lifecycle, [repository])).toHaveLength(1);
    // The engine lists which resources each property depends on.
    const withDependency = {
      ...lifecycle,
      validateStack: (
        args: Parameters<
          Extract<typeof lifecycle, { validateStack: unknown }>['validateStack']
        >[0],
        report: (m: string) => void,
      ) => {
        const [repo] = args.resources;
        args.resources.push({
          ...repo,
          type: 'aws:ecr/lifecyclePolicy:LifecyclePolicy',
          name: 'r-lifecycle',
          urn: 'urn:pulumi:test::p::aws:ecr/lifecyclePolicy:LifecyclePolicy::r-lifecycle',
          props: {},
          propertyDependencies: { repository: [repo] },
        });
        return (
          lifecycle as Extract<typeof lifecycle, { validateStack: unknown }>
        ).validateStack(args, report);
      },
    };
    expect(await runPolicy(withDependency, [repository])).toEqual([]);
  });
});

describe(POLICY_NAMES.noPublicPrincipal, () => {
  const statement = (extra: object) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'pull', Effect: 'Allow', Action: 'ecr:BatchGetImage', ...extra },
      ],
    });

  test.each([
    [
      'an account passes',
      { Principal: { AWS: 'arn:aws:iam::222222222222:root' } },
      0,
    ],
    ['"*" is reported', { Principal: '*' }, 1],
    ['{ AWS: "*" } is reported', { Principal: { AWS: '*' } }, 1],
    [
      '"*" in an organization passes',
      {
        Principal: '*',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } },
      },
      0,
    ],
  ])('repository policy: %s', async (_, extra, count) => {
    const messages = await check(POLICY_NAMES.noPublicPrincipal, () => {
      new aws.ecr.RepositoryPolicy('p', {
        repository: 'team/api',
        policy: statement(extra),
      });
    });
    expect(messages).toHaveLength(count);
    if (count) {
      expect(messages[0]).toMatch(
        /^aws\.ecr\.RepositoryPolicy "p": policy\.Statement\[0\] \(pull\)\.Principal: allows anyone/,
      );
    }
  });

  it('checks registry policies, and reports a text that is no policy', async () => {
    const messages = await check(POLICY_NAMES.noPublicPrincipal, () => {
      new aws.ecr.RegistryPolicy('registry', {
        policy: statement({ Principal: { AWS: ['*'] }, Resource: '*' }),
      });
      new aws.ecr.RegistryPolicy('broken', { policy: '{not json' });
    });
    expect(messages).toEqual([
      expect.stringMatching(
        /^aws\.ecr\.RegistryPolicy "registry": policy\.Statement\[0\] \(pull\)\.Principal/,
      ),
      'aws.ecr.RegistryPolicy "broken": policy: the policy is not a JSON policy document; give JSON.stringify({ Version: "2012-10-17", Statement: [...] })',
    ]);
  });
});

describe(POLICY_NAMES.forceDelete, () => {
  test.each<[aws.ecr.RepositoryArgs, number]>([
    [{}, 0],
    [{ forceDelete: false }, 0],
    [{ forceDelete: true }, 1],
  ])('%j → %i', async (args, count) => {
    expect(
      await check(
        POLICY_NAMES.forceDelete,
        () => new aws.ecr.Repository('r', args),
      ),
    ).toHaveLength(count);
  });
});

describe(POLICY_NAMES.templateRole, () => {
  const role = 'arn:aws:iam::111111111111:role/ecr-templates';
  test.each<[string, aws.ecr.RepositoryCreationTemplateArgs, number]>([
    [
      'no tags, AES256 passes',
      { prefix: 'ROOT', appliedFors: ['REPLICATION'] },
      0,
    ],
    [
      'tags without a role are reported',
      {
        prefix: 'ROOT',
        appliedFors: ['REPLICATION'],
        resourceTags: { team: 'a' },
      },
      1,
    ],
    [
      'KMS without a role is reported',
      {
        prefix: 'ROOT',
        appliedFors: ['REPLICATION'],
        encryptionConfigurations: [{ encryptionType: 'KMS' }],
      },
      1,
    ],
    [
      'tags with a role pass',
      {
        prefix: 'ROOT',
        appliedFors: ['REPLICATION'],
        resourceTags: { team: 'a' },
        customRoleArn: role,
      },
      0,
    ],
  ])('%s', async (_, args, count) => {
    const messages = await check(
      POLICY_NAMES.templateRole,
      () => new aws.ecr.RepositoryCreationTemplate('t', args),
    );
    expect(messages).toHaveLength(count);
    if (count) {
      expect(messages[0]).toMatch(
        /^aws\.ecr\.RepositoryCreationTemplate "t" \(ROOT\): customRoleArn: the template .* without a role, so ECR fails to create the first repository from it; set customRoleArn to a role/,
      );
    }
  });
});

describe(POLICY_NAMES.cachedMutability, () => {
  test.each<
    [
      string,
      aws.ecr.RepositoryCreationTemplateArgs,
      Record<string, unknown>,
      number,
    ]
  >([
    [
      'mutable (default) passes',
      { prefix: 'docker-hub', appliedFors: ['PULL_THROUGH_CACHE'] },
      {},
      0,
    ],
    [
      'immutable is reported',
      {
        prefix: 'docker-hub',
        appliedFors: ['PULL_THROUGH_CACHE'],
        imageTagMutability: 'IMMUTABLE',
      },
      {},
      1,
    ],
    [
      'immutable passes where allowed',
      {
        prefix: 'docker-hub',
        appliedFors: ['PULL_THROUGH_CACHE'],
        imageTagMutability: 'IMMUTABLE',
      },
      { allowImmutableCachedTags: true },
      0,
    ],
    [
      'a replication template is not concerned',
      {
        prefix: 'ROOT',
        appliedFors: ['REPLICATION'],
        imageTagMutability: 'IMMUTABLE',
      },
      {},
      0,
    ],
    [
      'an exception by prefix is skipped',
      {
        prefix: 'docker-hub',
        appliedFors: ['PULL_THROUGH_CACHE'],
        imageTagMutability: 'IMMUTABLE',
      },
      { exceptions: ['docker-*'] },
      0,
    ],
  ])('%s', async (_, args, config, count) => {
    expect(
      await check(
        POLICY_NAMES.cachedMutability,
        () => new aws.ecr.RepositoryCreationTemplate('t', args),
        config,
      ),
    ).toHaveLength(count);
  });
});

describe('the pack', () => {
  it('has unique names, descriptions and one enforcement level', () => {
    const policies = ecrPolicies({ enforcementLevel: 'advisory' });
    expect(policies.map(p => p.name)).toEqual(Object.values(POLICY_NAMES));
    expect(policies.every(p => p.description.length > 20)).toBe(true);
    expect(new Set(policies.map(p => p.enforcementLevel))).toEqual(
      new Set(['advisory']),
    );
    expect(new Set(ecrPolicies().map(p => p.enforcementLevel))).toEqual(
      new Set(['mandatory']),
    );
    for (const p of policies) {
      expect(p.configSchema?.properties.exceptions).toMatchObject({
        type: 'array',
        default: [],
      });
    }
  });

  it('skips an excepted repository by name pattern or URN in every policy', async () => {
    const resources = await recordProgram(() => {
      new aws.ecr.Repository('legacy', {
        name: 'legacy/api',
        forceDelete: true,
      });
    });
    const all = await runPolicies(ecrPolicies(), resources);
    expect(all.length).toBe(4);
    const config = Object.fromEntries(
      Object.values(POLICY_NAMES).map(name => [
        name,
        { exceptions: ['legacy/*'] },
      ]),
    );
    expect(await runPolicies(ecrPolicies(), resources, config)).toEqual([]);
    const byUrn = Object.fromEntries(
      Object.values(POLICY_NAMES).map(name => [
        name,
        { exceptions: [resources[0].urn] },
      ]),
    );
    expect(await runPolicies(ecrPolicies(), resources, byUrn)).toEqual([]);
  });

  it('skips a disabled policy', async () => {
    const resources = await recordProgram(
      () => new aws.ecr.Repository('r', { forceDelete: true }),
    );
    const policies = ecrPolicies({ enforcementLevel: 'disabled' });
    expect(await runPolicies(policies, resources)).toEqual([]);
  });
});
