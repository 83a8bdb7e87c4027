// PostgreSQL and Redis of the production suite: where they are (POSTGRES_URL, REDIS_URL,
// with this project's local defaults), a quick reachability check that names what to start,
// and cleanup of what one run created.
import { createClient } from '@redis/client';
import { connect } from 'node:net';
import { Client } from 'pg';

export const POSTGRES_URL =
  process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const HOW_TO_START =
  'start it: `docker compose up -d` in the repository root, or see the README (PostgreSQL and Redis)';

/** Resolves when host:port accepts a connection within `timeoutMs`; else says what to start. */
export function reachable(url: string, what: string, timeoutMs = 2_000) {
  const { hostname, port } = new URL(url);
  return new Promise<void>((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const fail = (reason: string) => {
      socket.destroy();
      reject(
        new Error(
          `${what} is not reachable at ${hostname}:${port} (${reason}); ${HOW_TO_START}`,
        ),
      );
    };
    socket.setTimeout(timeoutMs, () => fail(`no answer in ${timeoutMs} ms`));
    socket.once('error', error => fail(error.message));
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
  });
}

/** Drops the databases whose names start with `prefix` (one per plugin of a run). */
export async function dropDatabases(prefix: string) {
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
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

/** A Redis client for the checks and cleanup of a run. */
export async function redis() {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  return {
    /** Keys of `namespace` (the cache service's key prefix). */
    async keys(namespace: string): Promise<string[]> {
      const found: string[] = [];
      for await (const key of client.scanIterator({
        MATCH: `${namespace}:*`,
      })) {
        found.push(key);
      }
      return found;
    },
    async drop(namespace: string) {
      const keys = await this.keys(namespace);
      if (keys.length > 0) await client.del(keys);
    },
    close: () => client.quit(),
  };
}
