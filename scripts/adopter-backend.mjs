// The adopter test's backend step (scripts/adopter-test.mjs): a Backstage backend made of the
// installed tarballs — catalog, scaffolder, the ECR backend plugin and the scaffolder module —
// on PostgreSQL (POSTGRES_URL, its own database prefix, dropped afterwards), against the local
// ECR API the test started from its tarball, with the auth backend (guest sign-in) and
// `@backstage/plugin-app-backend` serving the scratch project's app package. It calls the ECR
// routes for an annotated entity and runs `ecr:repository:create` as a dry run, for real, and
// again (idempotent); the caller's `whileRunning` renders the app against it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_BACKEND_PACKAGES } from './adopter-frontend.mjs';
import { freePort, sleep, until } from './adopter-util.mjs';

const POSTGRES_URL =
  process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
// The local ECR API's bundled example fixture (fixtures/example.json).
const ACCOUNT = '111122223333';
const ACCESS_KEY = 'AKIALOCALDEV';
const REGION = 'eu-west-1';
const SEEDED = `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/team/payments`;

/** Backstage plugins and modules an adopter adds next to ours. */
const BACKSTAGE_FEATURES = [
  '@backstage/plugin-catalog-backend',
  // Templates are catalog entities only with this module.
  '@backstage/plugin-catalog-backend-module-scaffolder-entity-model',
  '@backstage/plugin-scaffolder-backend',
  ...APP_BACKEND_PACKAGES,
];

/** Backend packages an adopter adds next to ours, at the workspace's versions. */
export const BACKEND_PACKAGES = [
  '@backstage/backend-defaults',
  ...BACKSTAGE_FEATURES,
  'pg',
];

/** What the backend is made of: theirs, then ours. */
const BACKEND_FEATURES = [
  ...BACKSTAGE_FEATURES,
  '@ecr-kit/backstage-plugin-ecr-backend',
  '@ecr-kit/backstage-plugin-scaffolder-backend-module-ecr',
];

/** The annotated entity of the catalog the backend reads, and the tags its images carry. */
export const ENTITY = {
  path: '/catalog/default/component/payments',
  tags: ['1.4.2', '1.5.0'],
};

const template = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'adopter-ecr', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'team',
    parameters: [],
    steps: [
      {
        id: 'ecr',
        name: 'Create ECR repository',
        action: 'ecr:repository:create',
        input: {
          repositoryName: 'adopter/service',
          accountId: ACCOUNT,
          region: REGION,
          entityRef: 'component:default/adopter-service',
        },
      },
    ],
    output: {
      text: [
        {
          title: 'Repository',
          content: '${{ steps.ecr.output.repositoryUri }}',
        },
      ],
    },
  },
};

/**
 * Starts the backend in `app` (where the tarballs are installed) against `ecrUrl`, runs the
 * checks and stops it. `track` registers the child for the caller's clean-up;
 * `beforeStart(configPath)` runs once the app config is written (the frontend build reads it),
 * `whileRunning(baseUrl)` after the API checks; `corsOrigin` is another origin the browser may
 * call the backend from.
 */
export async function checkBackend({
  app,
  ecrUrl,
  track,
  log,
  beforeStart = async () => {},
  whileRunning = async () => {},
  corsOrigin,
}) {
  const port = await freePort();
  const token = randomBytes(24).toString('hex');
  const prefix = `ecrkit_adopter_${randomBytes(4).toString('hex')}_`;
  const baseUrl = `http://127.0.0.1:${port}`;
  writeFileSync(
    join(app, 'catalog.yaml'),
    [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'payments',
          annotations: { 'aws.amazon.com/amazon-ecr-arn': SEEDED },
        },
        spec: { type: 'service', owner: 'team', lifecycle: 'production' },
      },
      template,
    ]
      .map(doc => JSON.stringify(doc))
      .join('\n---\n'),
  );
  writeFileSync(
    join(app, 'app-config.json'),
    JSON.stringify({
      // plugin-app-backend serves the scratch project's `app` package (packages/app).
      app: { baseUrl, title: 'ecr-kit adopter', packageName: 'app' },
      auth: {
        providers: {
          guest: {
            userEntityRef: 'user:default/guest',
            // The backend runs without NODE_ENV=development.
            dangerouslyAllowOutsideDevelopment: true,
          },
        },
      },
      backend: {
        baseUrl,
        listen: { port, host: '127.0.0.1' },
        // The app's development server (another origin) calls the backend too.
        ...(corsOrigin && {
          cors: {
            origin: corsOrigin,
            methods: ['GET', 'HEAD', 'PATCH', 'POST', 'PUT', 'DELETE'],
            credentials: true,
          },
        }),
        auth: {
          externalAccess: [
            { type: 'static', options: { token, subject: 'adopter-test' } },
          ],
        },
        database: { client: 'pg', connection: POSTGRES_URL, prefix },
      },
      catalog: {
        rules: [{ allow: ['Component', 'Template'] }],
        locations: [{ type: 'file', target: join(app, 'catalog.yaml') }],
      },
      aws: {
        accounts: [
          {
            accountId: ACCOUNT,
            accessKeyId: ACCESS_KEY,
            secretAccessKey: 'local',
          },
        ],
      },
      ecr: { endpoint: ecrUrl },
    }),
  );
  writeFileSync(
    join(app, 'backend.cjs'),
    `const { createBackend } = require('@backstage/backend-defaults');
const backend = createBackend();
for (const name of ${JSON.stringify(BACKEND_FEATURES)}) {
  backend.add(require(name).default);
}
backend.start();
`,
  );
  await beforeStart(join(app, 'app-config.json'));
  const started = Date.now();
  const child = spawn(
    process.execPath,
    ['backend.cjs', '--config', 'app-config.json'],
    {
      cwd: app,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  track(child);
  let output = '';
  child.stdout.on('data', chunk => (output += chunk));
  child.stderr.on('data', chunk => (output += chunk));
  const exited = new Promise(resolve => child.once('close', resolve));
  const headers = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  };
  const api = async (path, init = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers,
      signal: AbortSignal.timeout(30_000),
    });
    const body = await res.json().catch(() => undefined);
    return { status: res.status, body };
  };
  try {
    await until('backend ready', 120_000, async () => {
      if (child.exitCode !== null) {
        throw Object.assign(
          new Error(`backend exited:\n${output.slice(-3000)}`),
          { fatal: true },
        );
      }
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      return res.ok ? true : undefined;
    }).catch(error => {
      throw new Error(`${error.message}\n${output.slice(-3000)}`);
    });
    log(
      `backend ready in ${((Date.now() - started) / 1000).toFixed(1)} s on ${baseUrl}`,
    );

    await until('catalog has the entity and the template', 60_000, async () => {
      const entity = await api(
        '/api/catalog/entities/by-name/component/default/payments',
      );
      const found = await api(
        '/api/catalog/entities/by-name/template/default/adopter-ecr',
      );
      return entity.status === 200 && found.status === 200 ? true : undefined;
    });
    const images = await api(
      `/api/ecr/entities/component/default/payments/images?repository=${encodeURIComponent(SEEDED)}`,
    );
    if (images.status !== 200 || !(images.body?.images?.length > 0)) {
      throw new Error(
        `GET /api/ecr/.../images: ${images.status} ${JSON.stringify(images.body).slice(0, 500)}`,
      );
    }
    log(
      `GET /api/ecr/…/images: ${images.body.images.length} images of team/payments`,
    );
    const outsider = await api(
      `/api/ecr/entities/component/default/payments/images?repository=${encodeURIComponent(`arn:aws:ecr:${REGION}:${ACCOUNT}:repository/team/big`)}`,
    );
    if (outsider.status < 400) {
      throw new Error(
        `a repository outside the annotation was served (${outsider.status})`,
      );
    }
    log(`a repository outside the entity's annotation: ${outsider.status}`);

    const dryRun = await api('/api/scaffolder/v2/dry-run', {
      method: 'POST',
      body: JSON.stringify({
        template,
        values: {},
        secrets: {},
        directoryContents: [],
      }),
    });
    const dryStep = dryRun.body?.steps?.[0];
    if (dryRun.status !== 200 || !dryRun.body?.log) {
      throw new Error(
        `dry run: ${dryRun.status} ${JSON.stringify(dryRun.body).slice(0, 800)}`,
      );
    }
    log(
      `ecr:repository:create dry run: ${dryRun.status} (${dryStep?.name ?? 'step'})`,
    );

    for (const attempt of ['creates', 'runs again (idempotent)']) {
      const task = await api('/api/scaffolder/v2/tasks', {
        method: 'POST',
        body: JSON.stringify({
          templateRef: 'template:default/adopter-ecr',
          values: {},
        }),
      });
      if (task.status !== 201) {
        throw new Error(
          `POST /v2/tasks: ${task.status} ${JSON.stringify(task.body)}`,
        );
      }
      const done = await until('task finished', 60_000, async () => {
        const { body } = await api(`/api/scaffolder/v2/tasks/${task.body.id}`);
        return ['completed', 'failed', 'cancelled'].includes(body?.status)
          ? body
          : undefined;
      });
      if (done.status !== 'completed') {
        const events = await api(
          `/api/scaffolder/v2/tasks/${task.body.id}/events`,
        );
        throw new Error(
          `task ${attempt}: ${done.status}\n${JSON.stringify(events.body).slice(-1500)}`,
        );
      }
      log(`ecr:repository:create ${attempt}: completed`);
    }
    await whileRunning(baseUrl);
  } finally {
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await dropDatabases(app, prefix).catch(error =>
      log(`could not drop the ${prefix}* databases: ${error.message}`),
    );
  }
}

/** Drops the run's plugin databases (the backend created them with `prefix`). */
async function dropDatabases(app, prefix) {
  const { createRequire } = await import('node:module');
  const { Client } = createRequire(join(app, 'package.json'))('pg');
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
