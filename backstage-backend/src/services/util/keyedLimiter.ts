/** Runs tasks with at most `limit` at a time per key (first come, first served). */
export interface KeyedLimiter {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/** Creates a {@link KeyedLimiter}. */
export function createKeyedLimiter(limit: number): KeyedLimiter {
  const active = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  const release = (key: string) => {
    const next = waiting.get(key)?.shift();
    if (next) {
      next();
      return;
    }
    const count = (active.get(key) ?? 1) - 1;
    if (count === 0) active.delete(key);
    else active.set(key, count);
  };
  return {
    async run(key, task) {
      if ((active.get(key) ?? 0) >= limit) {
        await new Promise<void>(resolve => {
          const queue = waiting.get(key) ?? [];
          queue.push(resolve);
          waiting.set(key, queue);
        });
      } else {
        active.set(key, (active.get(key) ?? 0) + 1);
      }
      try {
        return await task();
      } finally {
        release(key);
      }
    },
  };
}
