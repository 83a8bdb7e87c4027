import type { CacheService } from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';
import type { Freshness } from '@ecr-kit/backstage-plugin-ecr-common';
import { DEFAULT_CACHE_TTLS, type CacheTtls } from './cacheKeys';
import { beforeDeadline, type Deadline } from './deadline';
import { createLocalRefreshLock, type RefreshLock } from './refreshLock';

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
  /** Overrides the loader's fresh TTL for this key (e.g. per-digest data that never changes). */
  readonly ttlMs?: number;
}

/** Most values kept parsed in memory per instance (least recently stored dropped first). */
const MEMO_LIMIT = 20_000;
/** How often a replica waiting for another one's refresh looks at the shared cache. */
const POLL_MS = 100;

interface Entry<T> {
  value: T;
  fetchedAt: string;
}

/**
 * Loads values through the cache service, stale-while-revalidate:
 * - a fresh value (within its TTL) is served from memory or the shared cache;
 * - an expired value is served at once, `refreshing`, while one refresh runs in the
 *   background — one per key across replicas (`lock`, in the database when there are
 *   several);
 * - with nothing cached, the first replica to take the key's lock loads it and the others
 *   wait for it to appear in the shared cache (so concurrent cold views cost one upstream
 *   listing), each within the view's deadline;
 * - when upstream fails or passes the deadline, the last good value (kept `staleTtlMs`) is
 *   served marked stale with the reason; a failure with nothing to serve is remembered for
 *   `errorTtlMs`, so the next views answer at once instead of paying for it again.
 */
export function createCachedLoader(options: {
  cache: CacheService;
  ttls?: Partial<CacheTtls>;
  lock?: RefreshLock;
  now?: () => number;
}) {
  const ttls = { ...DEFAULT_CACHE_TTLS, ...options.ttls };
  const now = options.now ?? Date.now;
  const lock = options.lock ?? createLocalRefreshLock();
  const inflight = new Map<string, Promise<Entry<unknown>>>();
  const failures = new Map<string, { error: Error; until: number }>();
  // Parsed values of this instance, so a warm view skips the cache store's
  // (de)serialization; the cache service stays the source shared across instances.
  const memo = new Map<string, Entry<unknown>>();
  const remember = (key: string, entry: Entry<unknown>) => {
    memo.delete(key);
    memo.set(key, entry);
    if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  };
  const age = (entry: Entry<unknown>) => now() - Date.parse(entry.fetchedAt);
  // When each key's expired value was last compared with the shared cache.
  const checked = new Map<string, number>();
  const recentlyChecked = (key: string) => {
    const at = checked.get(key);
    if (at !== undefined && now() - at < POLL_MS) return true;
    checked.set(key, now());
    if (checked.size > MEMO_LIMIT) checked.delete(checked.keys().next().value!);
    return false;
  };
  const served = <T>(
    entry: Entry<T>,
    extra: Partial<Freshness> = {},
  ): Loaded<T> => ({
    value: entry.value,
    freshness: { fetchedAt: entry.fetchedAt, stale: false, ...extra },
  });
  const stale = <T>(entry: Entry<T>, reason: string) =>
    served(entry, { stale: true, staleReason: reason });

  /** The newest entry of `key` in memory or the shared cache. */
  async function newest<T>(key: string): Promise<Entry<T> | undefined> {
    const memoized = memo.get(key) as Entry<T> | undefined;
    const stored = (await options.cache.get(key)) as Entry<T> | undefined;
    const entry =
      stored && (!memoized || stored.fetchedAt > memoized.fetchedAt)
        ? stored
        : memoized;
    if (entry && entry !== memoized) remember(key, entry);
    return entry;
  }

  /**
   * Fetches and stores `key`, remembering a failure; one per key in this instance. Called
   * holding the key's lock: a value younger than `maxAgeMs` that another replica stored
   * between our read and our taking the lock is kept, not fetched again.
   */
  function refresh<T>(
    key: string,
    fetch: () => Promise<T>,
    ttl = ttls.ttlMs,
    maxAgeMs = ttl,
  ): Promise<Entry<T>> {
    let pending = inflight.get(key) as Promise<Entry<T>> | undefined;
    if (pending) return pending;
    pending = (async () => {
      try {
        const landed = await newest<T>(key);
        if (landed && age(landed) < maxAgeMs) return landed;
        const value = await fetch();
        const entry = { value, fetchedAt: new Date(now()).toISOString() };
        failures.delete(key);
        remember(key, entry);
        await options.cache.set(key, entry as unknown as JsonValue, {
          ttl: Math.max(ttls.staleTtlMs, ttl),
        });
        return entry;
      } catch (error) {
        failures.set(key, {
          error: error as Error,
          until: now() + ttls.errorTtlMs,
        });
        throw error;
      } finally {
        inflight.delete(key);
        await lock.release(key).catch(() => undefined);
      }
    })();
    // A refresh left behind by its view still finishes and fills the cache; its failure is
    // remembered above, never unhandled.
    pending.catch(() => undefined);
    inflight.set(key, pending as Promise<Entry<unknown>>);
    return pending;
  }

  /**
   * The value once some replica has stored it: refresh ourselves when we take the lock
   * (or the holder's time runs out), else poll the shared cache.
   */
  async function loadCold<T>(
    key: string,
    fetch: () => Promise<T>,
    deadline: Deadline | undefined,
    ttl: number,
  ): Promise<Entry<T>> {
    // Waiting ends with the view's deadline, or — for background work — after a lock's
    // lifetime, when a holder that died has lost it.
    const until = now() + (deadline?.remainingMs() ?? ttls.lockTtlMs);
    while (now() < until) {
      if (inflight.has(key) || (await lock.tryAcquire(key))) {
        return refresh(key, fetch, ttl);
      }
      await new Promise(resolve => setTimeout(resolve, POLL_MS));
      const appeared = await newest<T>(key);
      if (appeared) return appeared;
      const failure = failures.get(key);
      if (failure && failure.until > now()) throw failure.error;
    }
    throw new Error(`Gave up waiting for another replica to load ${key}`);
  }

  /** `T` must be JSON-serializable: it goes through the cache store. */
  async function load<T>(
    key: string,
    fetch: () => Promise<T>,
    loadOptions: LoadOptions = {},
  ): Promise<Loaded<T>> {
    const ttl = loadOptions.ttlMs ?? ttls.ttlMs;
    const memoized = memo.get(key) as Entry<T> | undefined;
    if (memoized && age(memoized) < ttl) return served(memoized);
    const failure = failures.get(key);
    const failing = failure && failure.until > now() ? failure : undefined;
    // Expired here and being refreshed (here, or lately elsewhere): answer from memory
    // rather than read and parse the shared copy on every view until the refresh lands.
    if (memoized && !failing && (inflight.has(key) || recentlyChecked(key))) {
      return served(memoized, { refreshing: true });
    }
    const cached = await newest<T>(key);
    if (cached && age(cached) < ttl) return served(cached);
    if (failing) {
      if (cached) return stale(cached, failing.error.message);
      throw failing.error;
    }
    if (cached) {
      // Stale-while-revalidate: answer now, refresh in the background (one replica).
      if (inflight.has(key) || (await lock.tryAcquire(key))) {
        refresh(key, fetch, ttl).catch(() => undefined);
      }
      return served(cached, { refreshing: true });
    }
    const settled = await beforeDeadline(
      loadCold(key, fetch, loadOptions.deadline, ttl).then(entry =>
        served(entry),
      ),
      loadOptions.deadline,
    );
    if (settled) return settled.value;
    throw loadOptions.onTimeout?.() ?? new Error('Timed out');
  }

  /**
   * Refreshes `key` now when its value is older than `maxAgeMs` (or absent) and no replica
   * is refreshing it already — for scheduled pre-warming. Resolves `true` when it
   * refreshed; a failure is remembered like any refresh and thrown.
   */
  async function warm<T>(
    key: string,
    fetch: () => Promise<T>,
    warmOptions: { maxAgeMs: number; ttlMs?: number },
  ): Promise<boolean> {
    const cached = await newest<T>(key);
    if (cached && age(cached) < warmOptions.maxAgeMs) return false;
    if (inflight.has(key) || !(await lock.tryAcquire(key))) return false;
    let fetched = false;
    const fetchNow = () => {
      fetched = true;
      return fetch();
    };
    await refresh(
      key,
      fetchNow,
      warmOptions.ttlMs ?? ttls.ttlMs,
      warmOptions.maxAgeMs,
    );
    return fetched;
  }

  /** Stores a value computed elsewhere (e.g. alongside another load), kept `ttlMs`. */
  async function store<T>(key: string, value: T, ttlMs: number) {
    const entry = { value, fetchedAt: new Date(now()).toISOString() };
    remember(key, entry);
    await options.cache.set(key, entry as unknown as JsonValue, {
      ttl: ttlMs,
    });
  }

  /** The cached value of `key` at any age, without loading it. */
  async function peek<T>(key: string): Promise<T | undefined> {
    const memoized = memo.get(key) as Entry<T> | undefined;
    if (memoized) return memoized.value;
    const cached = (await options.cache.get(key)) as Entry<T> | undefined;
    return cached?.value;
  }

  return { load, warm, peek, store, ttls };
}

export type CachedLoader = ReturnType<typeof createCachedLoader>;
