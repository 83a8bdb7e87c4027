import { EcrStandardError } from '@ecr-kit/ecr-standard';

const claims = new Map<string, string>();

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
  const previous = claims.get(key);
  if (previous !== undefined && previous !== owner) {
    throw new EcrStandardError(owner, [
      {
        field: what,
        message: `${what} is already managed by ${previous} in this program`,
        fix,
      },
    ]);
  }
  claims.set(key, owner);
}

/** Forgets every claim (for tests that build several programs in one process). */
export function resetRegistryClaims(): void {
  claims.clear();
}
