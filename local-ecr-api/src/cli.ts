import { parseArgs } from 'node:util';
import { startLocalEcrApi, type LocalEcrApi } from './startLocalEcrApi';

const USAGE = `Usage: local-ecr-api [--port 4566] [--host 127.0.0.1] [--seed 1]
                     [--fixture registry.json] [--account AKID=123456789012 ...]
                     [--default-account 123456789012]`;

/** Thrown for bad command-line input; the message names the option and the fix. */
export class CliUsageError extends Error {}

function parseCli(argv: readonly string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string', default: '4566' },
        host: { type: 'string', default: '127.0.0.1' },
        seed: { type: 'string', default: '1' },
        fixture: { type: 'string' },
        account: { type: 'string', multiple: true, default: [] },
        'default-account': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const integer = (name: string, value: string, min: number, max: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new CliUsageError(
        `--${name} must be a whole number from ${min} to ${max}, got "${value}"`,
      );
    }
    return n;
  };
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
  return {
    help: values.help,
    port: integer('port', values.port, 0, 65535),
    host: values.host,
    seed: integer('seed', values.seed, 0, 2 ** 31 - 1),
    fixture: values.fixture,
    accounts,
    defaultAccountId: defaultAccount,
  };
}

/** Runs the CLI; resolves with the started server (or undefined for --help). */
export async function runCli(
  argv: readonly string[],
  print: (line: string) => void = line => process.stdout.write(`${line}\n`),
): Promise<LocalEcrApi | undefined> {
  const { help, ...options } = parseCli(argv);
  if (help) {
    print(USAGE);
    return undefined;
  }
  const api = await startLocalEcrApi(options);
  const repositories = api.store
    .all()
    .reduce((n, r) => n + r.repositories.size, 0);
  print(
    `local-ecr-api listening on ${api.url} (${repositories} repositories seeded)`,
  );
  return api;
}
