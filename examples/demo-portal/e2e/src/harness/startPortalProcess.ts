import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

const BACKEND_DIR = dirname(
  require.resolve('@ecr-kit/demo-portal-backend/package.json'),
);
const BACKSTAGE_CLI = join(
  dirname(require.resolve('@backstage/cli/package.json')),
  'bin/backstage-cli',
);

/** A demo portal backend started as `npm start` starts it, on a free port. */
export interface PortalProcess {
  readonly url: string;
  /** Milliseconds from spawning the process to its "ready" line. */
  readonly startupMs: number;
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts the backend with the same command as its `start` script (backstage-cli package
 * start, TypeScript sources of the workspace packages) in its own process group, so that
 * stopping it stops everything it started. Rejects with the process output when it exits
 * or is not ready within `timeoutMs`.
 */
export async function startPortalProcess(
  options: { timeoutMs?: number } = {},
): Promise<PortalProcess> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const started = Date.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [BACKSTAGE_CLI, 'package', 'start', '--config', '../app-config.yaml'],
    {
      cwd: BACKEND_DIR,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        NODE_OPTIONS: '--conditions=@ecr-kit/source',
        PORT: String(port),
        FORCE_COLOR: '0',
      },
    },
  );
  let output = '';
  let exited = false;
  // Whatever ends this process (a crash, a forced jest exit), the portal goes with it.
  const killOnExit = () => {
    if (!exited && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', killOnExit);
  const exit = new Promise<void>(resolve =>
    child.once('exit', () => {
      exited = true;
      process.removeListener('exit', killOnExit);
      resolve();
    }),
  );
  async function stop() {
    if (exited || child.pid === undefined) return;
    process.kill(-child.pid, 'SIGINT');
    const timer = setTimeout(() => {
      if (!exited) process.kill(-child.pid!, 'SIGKILL');
    }, 10_000);
    await exit;
    clearTimeout(timer);
  }

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`Demo portal not ready in time:\n${output}`));
    }, options.timeoutMs ?? 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('demo portal ready at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`Demo portal exited before it was ready:\n${output}`));
    });
  });

  return {
    url,
    startupMs: Date.now() - started,
    output: () => output,
    stop,
  };
}
