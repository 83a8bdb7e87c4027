import type { Stoppable } from './startAll';

/**
 * A deadline for a whole test file: when it passes, whatever was started is stopped and
 * the process exits non-zero, so a stuck browser or portal can never hang `npm run
 * test:e2e` (and CI) for ever. The timer does not keep the process alive.
 */
export function watchdog(
  ms: number,
  started: () => readonly (Stoppable | undefined)[],
): () => void {
  const timer = setTimeout(() => {
    process.stderr.write(
      `end-to-end tests still running after ${Math.round(ms / 1000)} s: stopping the portal and the browser\n`,
    );
    void Promise.allSettled(started().map(s => s?.stop())).finally(() =>
      process.exit(1),
    );
  }, ms);
  timer.unref();
  return () => clearTimeout(timer);
}
