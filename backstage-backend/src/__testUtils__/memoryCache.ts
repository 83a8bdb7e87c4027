import type { CacheService } from '@backstage/backend-plugin-api';

/**
 * A CacheService for unit tests that, like a shared store (Redis), keeps values serialized:
 * every `get` returns a fresh parse of what `set` stored.
 */
export function memoryCache(): CacheService & { size(): number } {
  const store = new Map<string, string>();
  const cache: CacheService & { size(): number } = {
    async get(key) {
      const raw = store.get(key);
      return raw === undefined ? undefined : JSON.parse(raw);
    },
    async set(key, value) {
      store.set(key, JSON.stringify(value));
    },
    async delete(key) {
      store.delete(key);
    },
    withOptions: () => cache,
    size: () => store.size,
  };
  return cache;
}
