import {
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { componentEntityV1alpha1Validator } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import {
  templateEntityV1beta3Validator,
  type TemplateEntityV1beta3,
} from '@backstage/plugin-scaffolder-common';
import {
  ECR_ARN_ANNOTATION,
  parseEcrArnAnnotation,
} from '@ecr-kit/backstage-plugin-ecr-common';
import ecrModule from '@ecr-kit/backstage-plugin-scaffolder-backend-module-ecr';
import { startLocalEcrApi, type LocalEcrApi } from '@ecr-kit/local-ecr-api';
import request from 'supertest';
import * as ts from 'typescript';
import { parse } from 'yaml';

const TEMPLATE_DIR = join(__dirname, '..', 'ecr-service');
const template = parse(
  readFileSync(join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
) as TemplateEntityV1beta3;

const values = {
  name: 'payments-api',
  description: 'Takes payments',
  owner: 'group:default/payments',
  system: 'system:default/checkout',
  accountId: '123456789012',
  region: 'eu-west-1',
  repoUrl: 'github.com?owner=acme&repo=payments-api',
};
const ARN = 'arn:aws:ecr:eu-west-1:123456789012:repository/payments-api';
const URI = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments-api';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory()
      ? filesUnder(join(entry.parentPath, entry.name))
      : [join(entry.parentPath, entry.name)],
  );
}

describe('the ecr-service template', () => {
  it('is a valid v1beta3 template', async () => {
    await expect(templateEntityV1beta3Validator.check(template)).resolves.toBe(
      true,
    );
  });

  it('creates the ECR repository before rendering the skeleton that needs its outputs', () => {
    expect(template.spec.steps.map(s => `${s.id}:${s.action}`)).toEqual([
      'ecr:ecr:repository:create',
      'fetch:fetch:template',
      'publish:publish:github',
      'register:catalog:register',
    ]);
  });
});

describe('a dry run of the ecr-service template by the scaffolder', () => {
  // A database the test owns, so it is closed after the tests (jest can exit).
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let api: LocalEcrApi;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let rendered: Record<string, string>;
  let log: string[];

  beforeAll(async () => {
    api = await startLocalEcrApi({ port: 0 });
    ({ server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        githubModule,
        ecrModule,
        catalogServiceMock.factory(),
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            // Dry runs need no task worker.
            scaffolder: { concurrentTasksLimit: 0 },
            ecr: { endpoint: api.url },
          },
        }),
      ],
    }));
    const res = await dryRun(values);
    expect(res.status).toBe(200);
    rendered = Object.fromEntries(
      (
        res.body.directoryContents as { path: string; base64Content: string }[]
      ).map(f => [f.path, Buffer.from(f.base64Content, 'base64').toString()]),
    );
    // Task log lines as the scaffolder shows them, without colours and level prefix.
    log = (res.body.log as { body: { message: string } }[]).map(l =>
      stripVTControlCharacters(l.body.message).replace(/^info: /, ''),
    );
  });
  afterAll(async () => {
    await api?.stop();
  });

  function dryRun(parameters: Record<string, string>) {
    return request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('authorization', mockCredentials.user.header())
      .send({
        template,
        values: parameters,
        directoryContents: filesUnder(TEMPLATE_DIR)
          .filter(file => !file.endsWith('template.yaml'))
          .map(file => ({
            path: relative(TEMPLATE_DIR, file),
            base64Content: readFileSync(file).toString('base64'),
          })),
      });
  }

  it('runs the ECR action in dry-run mode, without any AWS call, and skips publishing', () => {
    expect(log).toContain(
      'Dry run: would create repository payments-api in account 123456789012 (eu-west-1); no AWS call made',
    );
    expect(log).toContain(
      'Skipping because publish:github does not support dry-run',
    );
    expect(api.requestCount()).toBe(0);
    expect(Object.keys(rendered).sort()).toEqual([
      '.github/workflows/build-and-push.yaml',
      'Dockerfile',
      'README.md',
      'catalog-info.yaml',
      'infra/Pulumi.yaml',
      'infra/README.md',
      'infra/index.ts',
      'src/server.js',
    ]);
  });

  it('renders a catalog-info.yaml with the ECR annotation the backend plugin reads', async () => {
    const entity = parse(rendered['catalog-info.yaml']);
    await expect(componentEntityV1alpha1Validator.check(entity)).resolves.toBe(
      true,
    );
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'payments-api',
        description: 'Takes payments',
        annotations: {
          'github.com/project-slug': 'acme/payments-api',
          [ECR_ARN_ANNOTATION]: ARN,
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'experimental',
        owner: 'group:default/payments',
        system: 'system:default/checkout',
      },
    });
    expect(
      parseEcrArnAnnotation(entity.metadata.annotations[ECR_ARN_ANNOTATION]),
    ).toEqual([
      {
        arn: ARN,
        partition: 'aws',
        region: 'eu-west-1',
        accountId: '123456789012',
        repositoryName: 'payments-api',
      },
    ]);
  });

  it('renders a workflow that pushes images tagged with the commit SHA, never latest', () => {
    const text = rendered['.github/workflows/build-and-push.yaml'];
    const workflow = parse(text);
    expect(workflow.env).toEqual({
      AWS_REGION: 'eu-west-1',
      ECR_REGISTRY_ID: '123456789012',
      ECR_REPOSITORY: 'payments-api',
      ECR_REPOSITORY_URI: URI,
    });
    const steps = workflow.jobs['build-and-push'].steps;
    // GitHub's own expressions survive the scaffolder's templating.
    expect(steps[1].with['role-to-assume']).toBe(
      '${{ vars.ECR_PUSH_ROLE_ARN }}',
    );
    const script = steps[3].run as string;
    // Every image built and pushed is tagged with the commit SHA, and only with it.
    expect(
      [...script.matchAll(/docker (?:build --tag|push) "([^"]+)"/g)].map(
        m => m[1],
      ),
    ).toEqual([
      '$ECR_REPOSITORY_URI:$GITHUB_SHA',
      '$ECR_REPOSITORY_URI:$GITHUB_SHA',
    ]);
    expect(script).not.toMatch(/latest/i);
  });

  it('renders a Pulumi snippet that compiles against @ecr-kit/pulumi', () => {
    const source = rendered['infra/index.ts'];
    expect(source).toContain("const repositoryName = 'payments-api';");
    expect(source).toContain("entityRef: 'component:default/payments-api'");
    // Compile it where workspace packages resolve, with the repository's settings.
    const dir = join(__dirname, '..', `.rendered-${process.pid}`);
    const file = join(dir, 'infra', 'index.ts');
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, source);
      const program = ts.createProgram([file], {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        customConditions: ['@ecr-kit/source'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        esModuleInterop: true,
        types: ['node'],
      });
      const problems = ts
        .getPreEmitDiagnostics(program)
        .map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects parameters the template does not allow before running any step', async () => {
    api.resetRequestCounts();
    for (const [invalid, property] of [
      [{ name: 'Payments API' }, 'instance.name'],
      [{ accountId: '1234' }, 'instance.accountId'],
    ] as const) {
      const res = await dryRun({ ...values, ...invalid });
      expect(res.status).toBe(400);
      expect(
        (res.body.errors as { property: string }[]).map(e => e.property),
      ).toEqual([property]);
    }
    expect(api.requestCount()).toBe(0);
  });
});
