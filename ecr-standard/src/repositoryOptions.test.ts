import type {
  CreationTemplateOptions,
  CreationTemplateUse,
  RepositoryStandardOptions,
} from './index';
import {
  CREATION_TEMPLATE_OPTION_USES,
  EcrStandardError,
  REPOSITORY_STANDARD_OPTIONS,
  REPOSITORY_STANDARD_OPTION_NAMES,
  creationTemplateOptionNames,
  defaultLifecycleRules,
  pickRepositoryStandardOptions,
  resolveCreationTemplateSettings,
  resolveRepositorySettings,
} from './index';

// Beside the compiler's checks (every option of RepositoryStandardOptions has an entry of its
// value's kind), these tests hold the tables to what the standard does with the options.

const base = { name: 'svc', pullAccounts: ['222222222222'] };

/** A value of every option that differs from the default (and from `base`). */
const changed: {
  readonly [K in keyof RepositoryStandardOptions]-?: NonNullable<
    RepositoryStandardOptions[K]
  >;
} = {
  name: 'other',
  mutableTags: true,
  mutableTagFilters: ['dev-*'],
  scanOnPush: false,
  encryption: 'KMS',
  lifecycleRules: defaultLifecycleRules({ maxImageCount: 10 }),
  untaggedExpiryDays: 7,
  maxImageCount: 10,
  skipLifecyclePolicy: true,
  pullAccounts: ['333333333333'],
  pushAccounts: ['333333333333'],
  pullOrganizationIds: ['o-abcdefghij'],
  lambdaPull: true,
  lambdaAccounts: ['333333333333'],
  policyStatements: [
    {
      Sid: 'Extra',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::333333333333:root' },
      Action: 'ecr:BatchGetImage',
    },
  ],
  entityRef: 'component:default/svc',
  forceDelete: true,
  region: 'us-gov-west-1',
};

/** What the standard makes of `options`: its settings, or the fields it rejects. */
function outcome(options: RepositoryStandardOptions): unknown {
  try {
    return resolveRepositorySettings('x', options);
  } catch (error) {
    if (!(error instanceof EcrStandardError)) throw error;
    return error.violations.map(v => v.field);
  }
}

describe('REPOSITORY_STANDARD_OPTIONS', () => {
  it('lists its options in REPOSITORY_STANDARD_OPTION_NAMES', () => {
    expect(REPOSITORY_STANDARD_OPTION_NAMES).toEqual(
      Object.keys(REPOSITORY_STANDARD_OPTIONS),
    );
    expect(REPOSITORY_STANDARD_OPTION_NAMES).toEqual(
      expect.arrayContaining(Object.keys(changed)),
    );
    expect(REPOSITORY_STANDARD_OPTION_NAMES).toHaveLength(
      Object.keys(changed).length,
    );
  });

  test.each(REPOSITORY_STANDARD_OPTION_NAMES.filter(name => name !== 'name'))(
    'states the default of %s',
    name => {
      expect(REPOSITORY_STANDARD_OPTIONS[name].description).toMatch(
        /Default: /,
      );
    },
  );

  // An option that the table lists but resolveRepositorySettings ignores fails here.
  test.each(REPOSITORY_STANDARD_OPTION_NAMES)(
    'changes what the standard resolves: %s',
    name => {
      expect(outcome({ ...base, [name]: changed[name] })).not.toEqual(
        outcome(base),
      );
    },
  );
});

describe('pickRepositoryStandardOptions', () => {
  it('keeps the options that are set and nothing else', () => {
    expect(
      pickRepositoryStandardOptions({
        name: 'svc',
        scanOnPush: false,
        mutableTags: undefined,
        kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k',
        onDelete: 'retain',
      }),
    ).toEqual({ name: 'svc', scanOnPush: false });
  });
});

describe('CREATION_TEMPLATE_OPTION_USES', () => {
  const uses: CreationTemplateUse[] = ['PULL_THROUGH_CACHE', 'REPLICATION'];
  const sample: {
    readonly [K in keyof CreationTemplateOptions]-?: NonNullable<
      CreationTemplateOptions[K]
    >;
  } = {
    mutableTags: true,
    immutableTags: true,
    mutableTagFilters: ['dev-*'],
    encryption: 'KMS',
    lifecycleRules: defaultLifecycleRules(),
    untaggedExpiryDays: 7,
    maxImageCount: 10,
    skipLifecyclePolicy: true,
  };

  it('lists every option of a creation template', () => {
    expect(Object.keys(CREATION_TEMPLATE_OPTION_USES).sort()).toEqual(
      Object.keys(sample).sort(),
    );
  });

  it('names the options of each use', () => {
    expect(creationTemplateOptionNames('REPLICATION')).not.toContain(
      'immutableTags',
    );
    expect(creationTemplateOptionNames('PULL_THROUGH_CACHE')).not.toContain(
      'mutableTags',
    );
  });

  // The table and the standard's checks agree: an option of the other use is rejected.
  test.each(
    uses.flatMap(use =>
      (Object.keys(sample) as (keyof CreationTemplateOptions)[])
        .filter(
          name => !creationTemplateOptionNames(use).includes(name as never),
        )
        .map(name => [name, use] as const),
    ),
  )('rejects %s in a %s template', (name, use) => {
    expect(() =>
      resolveCreationTemplateSettings('t', { [name]: sample[name] }, use),
    ).toThrow(`${name}: `);
  });
});
