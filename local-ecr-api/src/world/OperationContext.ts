import type { Registry, RegistryStore } from '../Registry';
import type { Caller } from './Callers';
import type { Resources } from './Resources';
import type { Upstreams } from './Upstreams';

/**
 * Everything the simulated AWS knows: registries, upstream registries, other services' resources.
 *
 * @public
 */
export interface World {
  readonly store: RegistryStore;
  readonly upstreams: Upstreams;
  readonly resources: Resources;
}

/** What an operation handler gets besides its request. */
export interface OperationContext {
  /** The caller's registry: its account, and the Region of the request's credential scope. */
  readonly registry: Registry;
  readonly caller: Caller;
  readonly world: World;
  /** Epoch seconds. */
  readonly now: number;
}

export type Request = Record<string, unknown>;

export type OperationHandler = (
  registry: Registry,
  request: Request,
  context: OperationContext,
) => unknown;
