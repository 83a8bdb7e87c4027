import type { CacheService } from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';
import type { Freshness } from '@ecr-kit/backstage-plugin-ecr-common';

/** A value with how fresh it is. */
export interface Loaded<T> {
  readonly value: T;
  readonly freshness: Freshness;
}

/** Most values kept parsed in memory per instance (least recently stored dropped first). */
const MEMO_LIMIT = 20_000;

interface Entry<T> {
  value: T;
  fetchedAt: string;
}

/**
 * Loads values through the cache service: fresh values within `ttlMs` are served from the
 * cache; concurrent identical loads in this instance share one upstream call; when upstream
 * fails, the last good value (kept for `staleTtlMs`) is served, marked stale with its reason.
 */
export function createCachedLoader(options: {
  cache: CacheService;
  ttlMs: number;
  staleTtlMs: number;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const inflight = new Map<string, Promise<Loaded<unknown>>>();
  // Parsed values of this instance, so a warm view skips the cache store's
  // (de)serialization; the cache service stays the source shared across instances.
  const memo = new Map<string, Entry<unknown>>();
  const remember = (key: string, entry: Entry<unknown>) => {
    memo.delete(key);
    memo.set(key, entry);
    if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  };
  const fresh = (entry: Entry<unknown> | undefined) =>
    entry !== undefined && now() - Date.parse(entry.fetchedAt) < options.ttlMs;

  /** `T` must be JSON-serializable: it goes through the cache store. */
  async function load<T>(
    key: string,
    fetch: () => Promise<T>,
  ): Promise<Loaded<T>> {
    const memoized = memo.get(key) as Entry<T> | undefined;
    if (memoized && fresh(memoized)) {
      return {
        value: memoized.value,
        freshness: { fetchedAt: memoized.fetchedAt, stale: false },
      };
    }
    const cached = (await options.cache.get(key)) as Entry<T> | undefined;
    if (cached && fresh(cached)) {
      remember(key, cached);
      return {
        value: cached.value,
        freshness: { fetchedAt: cached.fetchedAt, stale: false },
      };
    }
    let pending = inflight.get(key) as Promise<Loaded<T>> | undefined;
    if (!pending) {
      pending = (async () => {
        try {
          const value = await fetch();
          const fetchedAt = new Date(now()).toISOString();
          remember(key, { value, fetchedAt });
          const entry = { value, fetchedAt } as unknown as JsonValue;
          await options.cache.set(key, entry, { ttl: options.staleTtlMs });
          return { value, freshness: { fetchedAt, stale: false } };
        } catch (error) {
          if (cached) {
            return {
              value: cached.value,
              freshness: {
                fetchedAt: cached.fetchedAt,
                stale: true,
                staleReason: (error as Error).message,
              },
            };
          }
          throw error;
        }
      })().finally(() => inflight.delete(key));
      inflight.set(key, pending as Promise<Loaded<unknown>>);
    }
    return pending;
  }

  /** The cached value of `key` at any age, without loading it. */
  async function peek<T>(key: string): Promise<T | undefined> {
    const memoized = memo.get(key) as Entry<T> | undefined;
    if (memoized) return memoized.value;
    const cached = (await options.cache.get(key)) as Entry<T> | undefined;
    return cached?.value;
  }

  return { load, peek };
}

export type CachedLoader = ReturnType<typeof createCachedLoader>;
