/**
 * Polls `read` until it returns `expected` (compared as JSON) and returns it, or throws
 * with the last value after `timeoutMs`.
 */
export async function waitForValue<T>(
  read: () => Promise<T>,
  expected: T,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return last;
    if (Date.now() > deadline) {
      throw new Error(
        `Expected ${JSON.stringify(expected)}, still ${JSON.stringify(last)} after ${timeoutMs} ms`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}
