// Starts and stops replicas of the production recipe (replica.ts) as child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGE = join(__dirname, '..');
const STARTUP_MS = 90_000;

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `over` merged into `base`, objects key by key. */
function merge(base: Json, over: Json): Json {
  const merged: Json = { ...base };
  for (const [key, value] of Object.entries(over)) {
    merged[key] =
      isObject(value) && isObject(merged[key])
        ? merge(merged[key] as Json, value)
        : value;
  }
  return merged;
}

export interface Replica {
  readonly name: string;
  readonly url: string;
  /** Every line the replica printed so far. */
  readonly lines: string[];
  /** Lines printed from now on that match `pattern`, as they come (with when). */
  watch(pattern: RegExp): { at: number; line: string }[];
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Whatever fails, no replica outlives the suite.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts replica `name` with app-config.production.yaml plus `config` (as APP_CONFIG_*
 * variables, the way a deployment overrides it) and waits until it is ready.
 */
export async function startReplica(options: {
  name: string;
  entities: unknown[];
  config: Record<string, unknown>;
}): Promise<Replica> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const entitiesFile = join(tmpdir(), `ecr-kit-entities-${process.pid}.json`);
  writeFileSync(entitiesFile, JSON.stringify(options.entities));
  const overrides = merge(options.config, {
    backend: { baseUrl: url, listen: { host: '127.0.0.1', port } },
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ECR_KIT_ENTITIES: entitiesFile,
    TS_NODE_PROJECT: join(PACKAGE, 'tsconfig.node.json'),
    // Plain lines, one per message, so the suite can read them.
    NODE_ENV: 'production',
  };
  for (const [key, value] of Object.entries(overrides)) {
    env[`APP_CONFIG_${key}`] = JSON.stringify(value);
  }
  const child = spawn(
    process.execPath,
    [
      '--conditions=@ecr-kit/source',
      '-r',
      'ts-node/register/transpile-only',
      join(__dirname, 'replica.ts'),
      '--config',
      join(__dirname, 'app-config.production.yaml'),
    ],
    { cwd: PACKAGE, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  const lines: string[] = [];
  const watchers: { pattern: RegExp; seen: { at: number; line: string }[] }[] =
    [];
  let buffered = '';
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of watchers) {
        if (w.pattern.test(line)) w.seen.push({ at: Date.now(), line });
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>(resolve =>
    child.once('exit', code => {
      running.delete(child);
      resolve(code);
    }),
  );
  const replica: Replica = {
    name: options.name,
    url,
    lines,
    watch(pattern) {
      const seen: { at: number; line: string }[] = [];
      watchers.push({ pattern, seen });
      return seen;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const end = Date.now() + STARTUP_MS;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `replica ${options.name} exited with ${child.exitCode} while starting:\n${lines.slice(-30).join('\n')}`,
      );
    }
    const ready = await fetch(`${url}/.backstage/health/v1/readiness`)
      .then(res => res.ok)
      .catch(() => false);
    if (ready) return replica;
    if (Date.now() > end) {
      await replica.stop();
      throw new Error(
        `replica ${options.name} was not ready within ${STARTUP_MS / 1000} s:\n${lines.slice(-30).join('\n')}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}
