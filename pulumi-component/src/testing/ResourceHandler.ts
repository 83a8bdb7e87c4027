import type { ECRClient } from '@aws-sdk/client-ecr';
import type { LocalEcrApi } from '@ecr-kit/local-ecr-api';
import type { SimulatedIam } from './SimulatedIam';

/** What a resource handler gets: the resource's inputs and where it goes. */
export interface ResourceContext {
  /** Logical name (Pulumi's). */
  readonly name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly inputs: Record<string, any>;
  readonly accountId: string;
  readonly region: string;
  /** Partition id of `region`. */
  readonly partition: string;
  /** An ECR client of `accountId` in `region`. */
  readonly ecr: ECRClient;
  readonly api: LocalEcrApi;
  readonly iam: SimulatedIam;
  /** A deterministic, program-unique number (for generated names and ids). */
  readonly next: () => number;
}

/** What the provider would return for a created resource: its id and its outputs. */
export interface CreatedState {
  readonly id: string;
  readonly outputs: Record<string, unknown>;
}

/** Creates one resource type as `pulumi up` would, with the provider's API calls. */
export type ResourceHandler = (
  context: ResourceContext,
) => Promise<CreatedState>;

/** AWS's error as `pulumi up` prints it: `<ErrorName>: <message>`. */
export async function aws<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    const e = error as { name?: string; message?: string };
    throw new Error(`${e.name ?? 'Error'}: ${e.message ?? String(error)}`);
  }
}
