import {
  ECRClient,
  GetRegistryScanningConfigurationCommand,
} from '@aws-sdk/client-ecr';
import { Inspector2Client } from '@aws-sdk/client-inspector2';
import type { LocalEcrApi } from '../index';

/** An ECRClient for `accessKeyId` in `region` against the local server, retrying nothing. */
export function ecrClient(
  api: LocalEcrApi,
  accessKeyId: string,
  region = 'eu-west-1',
): ECRClient {
  return new ECRClient({
    endpoint: api.url,
    region,
    credentials: { accessKeyId, secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

export function inspectorClient(
  api: LocalEcrApi,
  accessKeyId: string,
  region = 'eu-west-1',
): Inspector2Client {
  return new Inspector2Client({
    endpoint: api.url,
    region,
    credentials: { accessKeyId, secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

/** The registry's scanning configuration, as GetRegistryScanningConfiguration answers it. */
export async function registryScanningConfiguration(client: ECRClient) {
  const { scanningConfiguration } = await client.send(
    new GetRegistryScanningConfigurationCommand({}),
  );
  return scanningConfiguration;
}

/** What an AWS error looked like on the wire: `__type`, HTTP status and message. */
export interface WireError {
  readonly type: string;
  readonly status: number;
  readonly message: string | RegExp;
}

/** Asserts that `promise` fails with exactly the AWS error `expected`. */
export async function expectAwsError(
  promise: Promise<unknown>,
  expected: WireError,
): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) =>
      e as {
        name: string;
        message: string;
        $metadata?: { httpStatusCode?: number };
      },
  );
  if (!error)
    throw new Error(`expected ${expected.type}, but the request succeeded`);
  expect({
    type: error.name,
    status: error.$metadata?.httpStatusCode,
  }).toEqual({ type: expected.type, status: expected.status });
  if (typeof expected.message === 'string') {
    expect(error.message).toBe(expected.message);
  } else {
    expect(error.message).toMatch(expected.message);
  }
}
