import type { CacheService } from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';
import { memoryCache } from '../../__testUtils__/memoryCache';
import { createCachedLoader } from './createCachedLoader';
import { createDeadline } from './deadline';
import { createLocalRefreshLock } from './refreshLock';

/** A fetch that counts its calls and resolves when told to. */
function gate<T>(value: T) {
  let calls = 0;
  let release: () => void = () => undefined;
  let ready = new Promise<void>(r => (release = r));
  return {
    fetch: async () => {
      calls += 1;
      await ready;
      return value;
    },
    open: () => release(),
    reset: () => {
      ready = new Promise<void>(r => (release = r));
    },
    calls: () => calls,
  };
}

const ttls = { ttlMs: 1_000, staleTtlMs: 60_000, errorTtlMs: 500 };

describe('createCachedLoader', () => {
  it('serves an expired value at once, refreshing, with one background refresh', async () => {
    let now = 0;
    const loader = createCachedLoader({
      cache: memoryCache(),
      ttls,
      now: () => now,
    });
    const source = gate({ n: 1 });
    source.open();
    await loader.load('k', source.fetch);
    now = 1_500;
    source.reset();
    const views = await Promise.all(
      Array.from({ length: 20 }, () => loader.load('k', source.fetch)),
    );
    expect(views.every(v => v.freshness.refreshing === true)).toBe(true);
    expect(views[0].value).toEqual({ n: 1 });
    expect(source.calls()).toBe(2);
    source.open();
    await new Promise(r => setImmediate(r));
    const after = await loader.load('k', source.fetch);
    expect(after.freshness).toEqual({
      fetchedAt: new Date(1_500).toISOString(),
      stale: false,
    });
  });

  it('lets one of two replicas sharing a cache and a lock load a cold key; the other waits for it', async () => {
    const cache = memoryCache();
    const lock = createLocalRefreshLock();
    const [a, b] = [
      createCachedLoader({ cache, lock }),
      createCachedLoader({ cache, lock }),
    ];
    const source = gate(['image']);
    const deadline = createDeadline(5_000);
    const loads = [
      ...Array.from({ length: 10 }, () =>
        a.load('cold', source.fetch, { deadline }),
      ),
      ...Array.from({ length: 10 }, () =>
        b.load('cold', source.fetch, { deadline }),
      ),
    ];
    setTimeout(source.open, 50);
    const values = await Promise.all(loads);
    expect(source.calls()).toBe(1);
    expect(values.map(v => v.value)).toEqual(Array(20).fill(['image']));
  });

  it('does not refresh again when another replica refreshed between its read and its lock', async () => {
    let now = 0;
    const cache = memoryCache();
    const lock = createLocalRefreshLock();
    // `b` reads the shared cache, then stalls until `a` has refreshed and released the lock.
    let stalled: Promise<void> = Promise.resolve();
    const slowCache: CacheService = {
      ...cache,
      async get<T extends JsonValue>(key: string) {
        const value = await cache.get<T>(key);
        await stalled;
        return value;
      },
      withOptions: () => slowCache,
    };
    const a = createCachedLoader({ cache, lock, ttls, now: () => now });
    const b = createCachedLoader({
      cache: slowCache,
      lock,
      ttls,
      now: () => now,
    });
    await a.load('k', async () => 'first');
    expect((await b.load('k', async () => 'unused')).value).toBe('first');
    now = 1_500;
    let resume: () => void = () => undefined;
    stalled = new Promise<void>(r => (resume = r));
    let bFetches = 0;
    const onB = b.load('k', async () => `b${++bFetches}`);
    const refreshed = gate('second');
    expect((await a.load('k', refreshed.fetch)).freshness.refreshing).toBe(
      true,
    );
    refreshed.open();
    await new Promise(r => setTimeout(r, 10));
    expect((await a.load('k', refreshed.fetch)).value).toBe('second');
    resume();
    expect((await onB).value).toBe('first');
    await new Promise(r => setTimeout(r, 10));
    stalled = Promise.resolve();
    expect((await b.load('k', async () => `b${++bFetches}`)).value).toBe(
      'second',
    );
    expect(bFetches).toBe(0);
    expect(refreshed.calls()).toBe(1);
  });

  it('answers a cold key within the deadline with the error it is given', async () => {
    const loader = createCachedLoader({ cache: memoryCache() });
    const never = () => new Promise<never>(() => undefined);
    await expect(
      loader.load('slow', never, {
        deadline: createDeadline(50),
        onTimeout: () => new Error('ECR did not answer within 0.05 s'),
      }),
    ).rejects.toThrow('ECR did not answer within 0.05 s');
  });

  it('serves the last good value, stale with the reason, once a refresh has failed', async () => {
    let now = 0;
    const loader = createCachedLoader({
      cache: memoryCache(),
      ttls,
      now: () => now,
    });
    await loader.load('k', async () => 'good');
    now = 2_000;
    const failing = async (): Promise<string> => {
      throw new Error('Throttled');
    };
    expect((await loader.load('k', failing)).freshness.refreshing).toBe(true);
    await new Promise(r => setImmediate(r));
    const served = await loader.load('k', failing);
    expect(served.value).toBe('good');
    expect(served.freshness).toMatchObject({
      stale: true,
      staleReason: 'Throttled',
    });
  });

  it('warms only what is older than maxAge, and only where no refresh runs', async () => {
    let now = 0;
    const loader = createCachedLoader({
      cache: memoryCache(),
      ttls,
      now: () => now,
    });
    let calls = 0;
    const fetch = async () => ++calls;
    expect(await loader.warm('k', fetch, { maxAgeMs: 500 })).toBe(true);
    now = 400;
    expect(await loader.warm('k', fetch, { maxAgeMs: 500 })).toBe(false);
    now = 600;
    expect(await loader.warm('k', fetch, { maxAgeMs: 500 })).toBe(true);
    expect(calls).toBe(2);
    expect((await loader.load('k', fetch)).value).toBe(2);
  });
});
