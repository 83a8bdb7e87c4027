import { EcrStandardError } from '@ecr-kit/ecr-standard';

/**
 * Claims live on `globalThis` under a registered symbol, not in this module: a program that
 * ends up with two installed copies of `@ecr-kit/pulumi` (two versions, or a bundled copy)
 * still has one set of claims, so neither copy can create a second owner of a registry-wide
 * setting.
 */
const CLAIMS = Symbol.for('@ecr-kit/pulumi/registry-claims');

function claims(): Map<string, string> {
  const store = globalThis as { [CLAIMS]?: Map<string, string> };
  store[CLAIMS] ??= new Map<string, string>();
  return store[CLAIMS];
}

/**
 * Records that `owner` manages the registry-scoped thing `key` in this program, and
 * throws when another component already does: two components must never write the same
 * registry-wide setting and silently overwrite each other.
 */
export function claimRegistryScoped(
  key: string,
  owner: string,
  what: string,
  fix: string,
): void {
  const previous = claims().get(key);
  if (previous !== undefined && previous !== owner) {
    throw new EcrStandardError(owner, [
      {
        field: what,
        message: `${what} is already managed by ${previous} in this program`,
        fix,
      },
    ]);
  }
  claims().set(key, owner);
}

const REGISTRIES = Symbol.for('@ecr-kit/pulumi/registries');

function registries(): Map<string, object> {
  const store = globalThis as { [REGISTRIES]?: Map<string, object> };
  store[REGISTRIES] ??= new Map<string, object>();
  return store[REGISTRIES];
}

/** Records the Registry component of registry `key` (`<account>/<region>`) of this program. */
export function recordRegistry(key: string, registry: object): void {
  registries().set(key, registry);
}

/** The Registry component of registry `key` in this program, if any. */
export function findRegistry(key: string): object | undefined {
  return registries().get(key);
}

/** Forgets every claim and Registry (for tests that build several programs in one process). */
export function resetRegistryClaims(): void {
  claims().clear();
  registries().clear();
}
