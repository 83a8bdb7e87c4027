import type { CacheService } from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';
import type { Freshness } from '@ecr-kit/backstage-plugin-ecr-common';
import { DEFAULT_CACHE_TTLS, type CacheTtls } from './cacheKeys';
import { beforeDeadline, type Deadline } from './deadline';

/** A value with how fresh it is. */
export interface Loaded<T> {
  readonly value: T;
  readonly freshness: Freshness;
}

/** How one load may wait, and what to say when it cannot wait longer. */
export interface LoadOptions {
  readonly deadline?: Deadline;
  /** The error for a load that passed its deadline with nothing cached to serve. */
  readonly onTimeout?: () => Error;
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
 * fails or passes the view's deadline, the last good value (kept for `staleTtlMs`) is served,
 * marked stale with the reason; a failure with nothing to serve is remembered for
 * `errorTtlMs`, so the next views answer at once instead of paying for it again.
 */
export function createCachedLoader(options: {
  cache: CacheService;
  ttls?: Partial<CacheTtls>;
  now?: () => number;
}) {
  const ttls = { ...DEFAULT_CACHE_TTLS, ...options.ttls };
  const now = options.now ?? Date.now;
  const inflight = new Map<string, Promise<Loaded<unknown>>>();
  const failures = new Map<string, { error: Error; until: number }>();
  // Parsed values of this instance, so a warm view skips the cache store's
  // (de)serialization; the cache service stays the source shared across instances.
  const memo = new Map<string, Entry<unknown>>();
  const remember = (key: string, entry: Entry<unknown>) => {
    memo.delete(key);
    memo.set(key, entry);
    if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  };
  const fresh = (entry: Entry<unknown> | undefined) =>
    entry !== undefined && now() - Date.parse(entry.fetchedAt) < ttls.ttlMs;
  const stale = <T>(entry: Entry<T>, reason: string): Loaded<T> => ({
    value: entry.value,
    freshness: { fetchedAt: entry.fetchedAt, stale: true, staleReason: reason },
  });

  /** `T` must be JSON-serializable: it goes through the cache store. */
  async function load<T>(
    key: string,
    fetch: () => Promise<T>,
    loadOptions: LoadOptions = {},
  ): Promise<Loaded<T>> {
    const memoized = memo.get(key) as Entry<T> | undefined;
    if (memoized && fresh(memoized)) {
      return {
        value: memoized.value,
        freshness: { fetchedAt: memoized.fetchedAt, stale: false },
      };
    }
    // Another instance may have refreshed the shared cache: take the newer entry.
    const stored = (await options.cache.get(key)) as Entry<T> | undefined;
    const cached =
      stored && (!memoized || stored.fetchedAt > memoized.fetchedAt)
        ? stored
        : memoized;
    if (cached && fresh(cached)) {
      remember(key, cached);
      return {
        value: cached.value,
        freshness: { fetchedAt: cached.fetchedAt, stale: false },
      };
    }
    const failure = failures.get(key);
    if (failure && failure.until > now()) {
      if (cached) return stale(cached, failure.error.message);
      throw failure.error;
    }
    let pending = inflight.get(key) as Promise<Loaded<T>> | undefined;
    if (!pending) {
      pending = (async () => {
        try {
          const value = await fetch();
          const fetchedAt = new Date(now()).toISOString();
          failures.delete(key);
          remember(key, { value, fetchedAt });
          const entry = { value, fetchedAt } as unknown as JsonValue;
          await options.cache.set(key, entry, { ttl: ttls.staleTtlMs });
          return { value, freshness: { fetchedAt, stale: false } };
        } catch (error) {
          failures.set(key, {
            error: error as Error,
            until: now() + ttls.errorTtlMs,
          });
          if (cached) return stale(cached, (error as Error).message);
          throw error;
        }
      })().finally(() => inflight.delete(key));
      // A load left behind by its deadline still finishes (and fills the cache); its
      // failure is remembered above, never unhandled.
      pending.catch(() => undefined);
      inflight.set(key, pending as Promise<Loaded<unknown>>);
    }
    const settled = await beforeDeadline(pending, loadOptions.deadline);
    if (settled) return settled.value;
    const timeout = loadOptions.onTimeout?.() ?? new Error('Timed out');
    if (cached) return stale(cached, timeout.message);
    throw timeout;
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
