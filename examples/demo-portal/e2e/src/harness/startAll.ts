/** Something a test started and must stop, whatever else fails. */
export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * Starts several things at once and settles all of them before deciding: when any start
 * fails, everything that did start is stopped and the first failure is thrown — so a
 * missing browser never leaves a portal process running (and jest waiting on it).
 */
export async function startAll<T extends readonly (() => Promise<Stoppable>)[]>(
  starters: T,
): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results = await Promise.allSettled(starters.map(start => start()));
  const failure = results.find(
    (r): r is PromiseRejectedResult => r.status === 'rejected',
  );
  if (failure) {
    await Promise.allSettled(
      results.map(r => (r.status === 'fulfilled' ? r.value.stop() : undefined)),
    );
    throw failure.reason;
  }
  return results.map(r => (r as PromiseFulfilledResult<Stoppable>).value) as {
    [K in keyof T]: Awaited<ReturnType<T[K]>>;
  };
}
