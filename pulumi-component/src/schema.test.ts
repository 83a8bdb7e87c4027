import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import type {
  CreationTemplateOptionFor,
  CreationTemplateOptions,
  CreationTemplateUse,
  RepositoryStandardOptions,
  SameKeys,
  StandardOptionType,
} from '@ecr-kit/ecr-standard';
import {
  REPOSITORY_STANDARD_OPTIONS,
  REPOSITORY_STANDARD_OPTION_NAMES,
  creationTemplateOptionNames,
} from '@ecr-kit/ecr-standard';
import type {
  CachedRepositoryTemplate,
  ReplicatedRepositoryTemplate,
  RepositoryArgs,
} from './index';
import {
  COMPONENTS,
  PACKAGE_DIR,
  SCHEMA_FILE,
  componentProvider,
} from './__testUtils__/componentProvider';

// The schema `pulumi package add` generates the Python, Go, .NET and YAML SDKs from,
// inferred from the TypeScript types by @pulumi/pulumi's analyzer (no CLI needed).
// Regenerate the snapshot with `UPDATE_SCHEMA=1 npm test`.

interface Property {
  readonly description?: string;
  readonly $ref?: string;
  readonly type?: string;
  readonly items?: Property;
  readonly plain?: boolean;
}
interface Schema {
  readonly name: string;
  readonly version: string;
  readonly resources: Record<
    string,
    {
      readonly isComponent: boolean;
      readonly inputProperties: Record<string, Property>;
      readonly requiredInputs?: string[];
      readonly properties: Record<string, Property>;
    }
  >;
  readonly types: Record<
    string,
    {
      readonly type: string;
      readonly properties?: Record<string, Property>;
      readonly required?: string[];
      readonly enum?: { value: string }[];
    }
  >;
}

let generated: string;
let schema: Schema;

beforeAll(async () => {
  // Formatted as the repository's Prettier formats JSON, so the snapshot passes `lint`.
  // (Prettier runs in a child process: it loads itself with a dynamic import Jest refuses.)
  generated = execFileSync(
    process.execPath,
    [
      require.resolve('prettier/bin/prettier.cjs'),
      '--stdin-filepath',
      SCHEMA_FILE,
    ],
    { input: await componentProvider().getSchema(), encoding: 'utf8' },
  );
  schema = JSON.parse(generated);
  if (process.env.UPDATE_SCHEMA === '1') {
    fs.writeFileSync(SCHEMA_FILE, generated);
  }
}, 120_000);

it('matches the committed snapshot (UPDATE_SCHEMA=1 npm test to accept a change)', () => {
  expect(generated).toBe(fs.readFileSync(SCHEMA_FILE, 'utf8'));
});

it('is the package "ecr-kit" at the version of @ecr-kit/pulumi, which it hosts', () => {
  const read = (file: string) =>
    JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, file), 'utf8'));
  const library = read('../package.json');
  const plugin = read('package.json');
  expect(schema.name).toBe('ecr-kit');
  expect(schema.version).toBe(library.version);
  // The plugin host names the package after provider/package.json, and installs its
  // dependencies: this very version of @ecr-kit/pulumi, and the peers in its ranges.
  expect(plugin.name).toBe('ecr-kit');
  expect(plugin.version).toBe(library.version);
  expect(plugin.dependencies['@ecr-kit/pulumi']).toBe(library.version);
  for (const peer of ['@pulumi/pulumi', '@pulumi/aws']) {
    expect([peer, plugin.dependencies[peer]]).toEqual([
      peer,
      library.peerDependencies[peer],
    ]);
  }
  expect(library.files).toContain('provider');
  expect(
    fs.readFileSync(path.join(PACKAGE_DIR, 'PulumiPlugin.yaml'), 'utf8'),
  ).toMatch(/^runtime: nodejs$/m);
});

// The Repository's arguments are the standard's options, plus these, which say how Pulumi
// deploys the repository rather than what the standard decides.
const REPOSITORY_DEPLOYMENT_ARGS = [
  'kmsKeyArn',
  'tags',
  'onDelete',
  'allowDestroy',
] as const;
// What a creation template takes beyond the standard's options for its use.
const TEMPLATE_DEPLOYMENT_ARGS = ['kmsKeyArn', 'customRoleArn'] as const;

// The inputs each component documents (README), all of which other languages must reach.
const documented: Record<keyof typeof COMPONENTS, string[]> = {
  Repository: [
    ...REPOSITORY_STANDARD_OPTION_NAMES,
    ...REPOSITORY_DEPLOYMENT_ARGS,
  ],
  Registry: [
    'accountId',
    'region',
    'pullThroughCache',
    'scanning',
    'replication',
  ],
  PullThroughCache: [
    'registry',
    'rules',
    'allowedPrincipals',
    'grants',
    'cachedRepositories',
    'skipCreationTemplates',
  ],
  Replication: [
    'source',
    'rules',
    'replicatedRepositories',
    'skipCreationTemplates',
  ],
  RegistryScanning: ['registry', 'scanType', 'rules'],
};
const outputs: Record<keyof typeof COMPONENTS, string[]> = {
  Repository: [
    'name',
    'arn',
    'repositoryUrl',
    'registryId',
    'catalogAnnotations',
    'kmsKeyArn',
    'repository',
    'lifecyclePolicy',
    'repositoryPolicy',
    'kmsKey',
  ],
  Registry: [
    'accountId',
    'region',
    'partition',
    'policyText',
    'registryPolicy',
    'replicationConfiguration',
    'scanningConfiguration',
  ],
  PullThroughCache: [
    'rules',
    'secrets',
    'templates',
    'templateRole',
    'prefixes',
  ],
  Replication: ['templates', 'destinations'],
  RegistryScanning: ['scanType'],
};

describe.each(Object.keys(COMPONENTS) as (keyof typeof COMPONENTS)[])(
  '%s',
  name => {
    const resource = () => schema.resources[`ecr-kit:index:${name}`];

    it('is a component with every documented input and output', () => {
      expect(resource().isComponent).toBe(true);
      expect(Object.keys(resource().inputProperties).sort()).toEqual(
        [...documented[name]].sort(),
      );
      expect(Object.keys(resource().properties).sort()).toEqual(
        [...outputs[name]].sort(),
      );
    });

    it('describes every input, with the default of each optional one', () => {
      const required = new Set(resource().requiredInputs ?? []);
      for (const [input, property] of Object.entries(
        resource().inputProperties,
      )) {
        expect([input, property.description ?? '']).toEqual([
          input,
          expect.any(String),
        ]);
        expect([input, (property.description ?? '').length > 0]).toEqual([
          input,
          true,
        ]);
        if (!required.has(input)) {
          expect([input, property.description]).toEqual([
            input,
            expect.stringMatching(/Default/),
          ]);
        }
      }
    });

    it('describes every output', () => {
      for (const [output, property] of Object.entries(resource().properties)) {
        expect([output, (property.description ?? '').length > 0]).toEqual([
          output,
          true,
        ]);
      }
    });
  },
);

it('describes every field of every object type, with the default of each optional one', () => {
  for (const [token, type] of Object.entries(schema.types)) {
    const required = new Set(type.required ?? []);
    for (const [field, property] of Object.entries(type.properties ?? {})) {
      const where = `${token}.${field}`;
      expect([where, (property.description ?? '').length > 0]).toEqual([
        where,
        true,
      ]);
      if (!required.has(field)) {
        expect([where, property.description]).toEqual([
          where,
          expect.stringMatching(/Default/),
        ]);
      }
    }
  }
});

it('has enums, not free strings, for every closed set of values', () => {
  const values = (token: string) =>
    schema.types[`ecr-kit:index:${token}`].enum?.map(e => e.value);
  expect(values('EncryptionType')).toEqual(['AES256', 'KMS']);
  expect(values('RepositoryDeletion')).toEqual(['protect', 'retain', 'delete']);
  expect(values('ScanType')).toEqual(['BASIC', 'ENHANCED']);
  expect(values('ScanFrequency')).toEqual([
    'SCAN_ON_PUSH',
    'CONTINUOUS_SCAN',
    'MANUAL',
  ]);
  expect(values('PullThroughCacheUpstream')).toContain('docker-hub');
  expect(values('LifecycleTagStatus')).toEqual(['any', 'tagged', 'untagged']);
  expect(
    schema.resources['ecr-kit:index:Repository'].inputProperties.encryption
      .$ref,
  ).toBe('#/types/ecr-kit:index:EncryptionType');
});

// One definition of each repository setting: the components' arguments are the standard's
// options (REPOSITORY_STANDARD_OPTIONS, CREATION_TEMPLATE_OPTION_USES of @ecr-kit/ecr-standard),
// written out here only because the analyzer takes their documentation from the TypeScript.
// The compiler holds them to the standard (the SameKeys lines fail `npm run typecheck`), and
// these tests hold the schema other languages get to it.
describe('arguments and the standard', () => {
  // Each kind of option value as the analyzer writes it.
  const schemaOf: Record<StandardOptionType, object> = {
    string: { type: 'string' },
    boolean: { type: 'boolean' },
    number: { type: 'number' },
    strings: {
      type: 'array',
      items: expect.objectContaining({ type: 'string' }),
    },
    encryption: { $ref: '#/types/ecr-kit:index:EncryptionType' },
    lifecycleRules: {
      type: 'array',
      items: expect.objectContaining({
        $ref: '#/types/ecr-kit:index:RepositoryLifecycleRule',
      }),
    },
    policyStatements: {
      type: 'array',
      items: expect.objectContaining({
        $ref: '#/types/ecr-kit:index:RepositoryPolicyStatement',
      }),
    },
  };
  /** Every option among `properties` is of the standard's kind, and plain but the Region. */
  function expectStandardKinds(properties: Record<string, Property>) {
    for (const [name, property] of Object.entries(properties)) {
      if (!(name in REPOSITORY_STANDARD_OPTIONS)) continue;
      const option = name as keyof RepositoryStandardOptions;
      expect([option, property]).toEqual([
        option,
        expect.objectContaining({
          ...schemaOf[REPOSITORY_STANDARD_OPTIONS[option].type],
          // Checked at construction; the Region may come from a provider or another stack.
          ...(option === 'region' ? {} : { plain: true }),
        }),
      ]);
    }
  }

  it('Repository takes every option of the standard, and deployment arguments besides', () => {
    const keys: SameKeys<
      Omit<RepositoryArgs, (typeof REPOSITORY_DEPLOYMENT_ARGS)[number]>,
      RepositoryStandardOptions
    > = true;
    expect(keys).toBe(true);
    const inputs = schema.resources['ecr-kit:index:Repository'].inputProperties;
    expect(Object.keys(inputs).sort()).toEqual(
      [
        ...REPOSITORY_STANDARD_OPTION_NAMES,
        ...REPOSITORY_DEPLOYMENT_ARGS,
      ].sort(),
    );
    expectStandardKinds(inputs);
  });

  test.each<[string, CreationTemplateUse]>([
    ['ReplicatedRepositoryTemplate', 'REPLICATION'],
    ['CachedRepositoryTemplate', 'PULL_THROUGH_CACHE'],
  ])(
    '%s takes the options of a %s template, and deployment arguments besides',
    (type, use) => {
      const properties = schema.types[`ecr-kit:index:${type}`].properties ?? {};
      expect(Object.keys(properties).sort()).toEqual(
        [
          ...creationTemplateOptionNames(use),
          ...TEMPLATE_DEPLOYMENT_ARGS,
        ].sort(),
      );
      expectStandardKinds(properties);
    },
  );

  it('the compiler holds the template arguments to the options of their use', () => {
    type Options<U extends CreationTemplateUse> = Pick<
      CreationTemplateOptions,
      CreationTemplateOptionFor<U>
    >;
    type Standard<T> = Omit<T, (typeof TEMPLATE_DEPLOYMENT_ARGS)[number]>;
    const replicated: SameKeys<
      Standard<ReplicatedRepositoryTemplate>,
      Options<'REPLICATION'>
    > = true;
    const cached: SameKeys<
      Standard<CachedRepositoryTemplate>,
      Options<'PULL_THROUGH_CACHE'>
    > = true;
    expect([replicated, cached]).toEqual([true, true]);
  });
});
