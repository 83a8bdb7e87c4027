import type { Response } from 'supertest';

/**
 * Asks until the view is served stale (the background refresh has failed), at most
 * `timeoutMs`; returns that response. Stale-while-revalidate answers the first ask after
 * expiry at once, `refreshing`, and learns of the failure afterwards.
 */
export async function untilStale(
  ask: () => Promise<Response>,
  timeoutMs = 10_000,
): Promise<Response> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const res = await ask();
    if (res.body?.freshness?.stale || Date.now() > end) return res;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}
