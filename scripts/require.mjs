#!/usr/bin/env node
// Fails within seconds, naming the install or start command, when a test command's
// requirement is missing: `node scripts/require.mjs chromium` (before `npm run test:e2e`),
// `node scripts/require.mjs postgres redis` (before `npm run test:production`).
import { existsSync } from 'node:fs';
import { connect } from 'node:net';

/** Resolves to a problem when host:port of `url` does not accept a connection within 2 s. */
function reachable(url, what, start) {
  const { hostname, port } = new URL(url);
  return new Promise(resolve => {
    const socket = connect({ host: hostname, port: Number(port) });
    const fail = reason => {
      socket.destroy();
      resolve(
        `${what} is not reachable at ${hostname}:${port} (${reason}): ${start}`,
      );
    };
    socket.setTimeout(2_000, () => fail('no answer in 2 s'));
    socket.once('error', error => fail(error.message));
    socket.once('connect', () => {
      socket.end();
      resolve(undefined);
    });
  });
}

const checks = {
  async chromium() {
    const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    return existsSync(path)
      ? undefined
      : `Chromium not found at ${path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`;
  },
  postgres: () =>
    reachable(
      process.env.POSTGRES_URL ??
        'postgresql://postgres@127.0.0.1:5432/postgres',
      'PostgreSQL (POSTGRES_URL)',
      'start it with `docker compose up -d postgres` (docker-compose.yml in the repository root), or set POSTGRES_URL to a server whose user may create databases',
    ),
  redis: () =>
    reachable(
      process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      'Redis (REDIS_URL)',
      'start it with `docker compose up -d redis` (docker-compose.yml in the repository root), or set REDIS_URL',
    ),
};

const problems = await Promise.all(
  process.argv
    .slice(2)
    .map(name =>
      checks[name] ? checks[name]() : `unknown requirement "${name}"`,
    ),
);
for (const problem of problems.filter(Boolean))
  process.stderr.write(`${problem}\n`);
process.exit(problems.some(Boolean) ? 1 : 0);
