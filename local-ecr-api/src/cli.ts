import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { startLocalEcrApi, type LocalEcrApi } from './startLocalEcrApi';

const USAGE = `Usage: local-ecr-api [serve] [--port 4566] [--host 127.0.0.1] [--seed 1]
                     [--fixture registry.json | --fixture example]
                     [--account AKID=123456789012 ...] [--default-account 123456789012]
       local-ecr-api pull --endpoint http://127.0.0.1:4566 --account-id 123456789012
                     --region eu-west-1 --repository ecr-public/nginx/nginx --tag 1.27
                     [--principal arn:aws:iam::123456789012:role/ci]
       local-ecr-api push --endpoint … --account-id … --region … --repository team/app
                     --tag 1.0.0 [--platform linux/amd64 --platform linux/arm64]

pull and push play out a docker pull (through a pull-through-cache rule) or a docker push
(with replication) on a running local-ecr-api and print the result as JSON.`;

/** Thrown for bad command-line input; the message names the option and the fix. */
export class CliUsageError extends Error {}

/** The fixtures shipped in the package, loadable by name (`--fixture example`). */
function bundledFixture(name: string): string | undefined {
  const file = join(__dirname, '..', 'fixtures', `${name}.json`);
  return /^[a-z0-9-]+$/.test(name) && existsSync(file) ? file : undefined;
}

const OPTIONS = {
  port: { type: 'string', default: '4566' },
  host: { type: 'string', default: '127.0.0.1' },
  seed: { type: 'string', default: '1' },
  fixture: { type: 'string' },
  account: { type: 'string', multiple: true, default: [] as string[] },
  'default-account': { type: 'string' },
  endpoint: { type: 'string' },
  'account-id': { type: 'string' },
  region: { type: 'string' },
  repository: { type: 'string' },
  tag: { type: 'string' },
  digest: { type: 'string' },
  principal: { type: 'string' },
  platform: { type: 'string', multiple: true, default: [] as string[] },
  help: { type: 'boolean', default: false },
} satisfies ParseArgsConfig['options'];

function parseCli(argv: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: OPTIONS,
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const command = positionals[0] ?? 'serve';
  if (!['serve', 'pull', 'push'].includes(command) || positionals.length > 1) {
    throw new CliUsageError(
      `unknown command "${positionals.join(' ')}": use serve, pull or push\n${USAGE}`,
    );
  }
  return { command, values };
}

function integer(name: string, value: string, min: number, max: number) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliUsageError(
      `--${name} must be a whole number from ${min} to ${max}, got "${value}"`,
    );
  }
  return n;
}

type Values = ReturnType<typeof parseCli>['values'];

function serveOptions(values: Values) {
  const accounts: Record<string, string> = {};
  for (const entry of values.account) {
    const match = /^([^=]+)=(\d{12})$/.exec(entry);
    if (!match) {
      throw new CliUsageError(
        `--account must be ACCESS_KEY_ID=12-digit-account-id, got "${entry}"`,
      );
    }
    accounts[match[1]] = match[2];
  }
  const defaultAccount = values['default-account'];
  if (defaultAccount !== undefined && !/^\d{12}$/.test(defaultAccount)) {
    throw new CliUsageError(
      `--default-account must be a 12-digit account id, got "${defaultAccount}"`,
    );
  }
  const fixture =
    values.fixture !== undefined && !existsSync(values.fixture)
      ? bundledFixture(values.fixture)
      : values.fixture;
  if (values.fixture !== undefined && fixture === undefined) {
    throw new CliUsageError(
      `--fixture "${values.fixture}" is neither a file nor a bundled fixture (bundled: example)`,
    );
  }
  return {
    port: integer('port', values.port, 0, 65535),
    host: values.host,
    seed: integer('seed', values.seed, 0, 2 ** 31 - 1),
    fixture,
    accounts,
    defaultAccountId: defaultAccount,
  };
}

function required(values: Values, name: keyof Values): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') {
    throw new CliUsageError(`--${name} is required for this command\n${USAGE}`);
  }
  return value;
}

/** pull / push against a running server's admin routes. */
async function simulate(
  command: string,
  values: Values,
  print: (line: string) => void,
): Promise<void> {
  const endpoint = required(values, 'endpoint').replace(/\/$/, '');
  const body = {
    accountId: required(values, 'account-id'),
    region: required(values, 'region'),
    repositoryName: required(values, 'repository'),
    ...(values.tag ? { tag: values.tag } : {}),
    ...(values.digest ? { digest: values.digest } : {}),
    ...(values.principal ? { principalArn: values.principal } : {}),
    ...(values.platform.length ? { platforms: values.platform } : {}),
  };
  const response = await fetch(`${endpoint}/_local/${command}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const result = (await response.json()) as Record<string, unknown>;
  if (!response.ok) {
    throw new CliUsageError(
      `${command} failed: ${String(result.__type)}: ${String(result.message)}`,
    );
  }
  print(JSON.stringify(result, null, 2));
}

/**
 * Runs the CLI; resolves with the started server (for `serve`), else undefined.
 *
 * @public
 */
export async function runCli(
  argv: readonly string[],
  print: (line: string) => void = line => process.stdout.write(`${line}\n`),
): Promise<LocalEcrApi | undefined> {
  const { command, values } = parseCli(argv);
  if (values.help) {
    print(USAGE);
    return undefined;
  }
  if (command !== 'serve') {
    await simulate(command, values, print);
    return undefined;
  }
  const api = await startLocalEcrApi(serveOptions(values));
  const repositories = api.store
    .all()
    .reduce((n, r) => n + r.repositories.size, 0);
  print(
    `local-ecr-api listening on ${api.url} (${repositories} repositories seeded)`,
  );
  return api;
}
