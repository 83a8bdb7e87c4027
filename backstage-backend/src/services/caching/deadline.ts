/** The time one view may spend waiting for AWS. */
export interface Deadline {
  /** Milliseconds left (0 once passed). */
  remainingMs(): number;
}

/** A deadline `ms` from now. */
export function createDeadline(
  ms: number,
  now: () => number = Date.now,
): Deadline {
  const end = now() + ms;
  return { remainingMs: () => Math.max(0, end - now()) };
}

/** Resolves with `promise`, or with `undefined` once `deadline` passes. */
export async function beforeDeadline<T>(
  promise: Promise<T>,
  deadline: Deadline | undefined,
): Promise<{ value: T } | undefined> {
  if (!deadline) return { value: await promise };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>(resolve => {
    timer = setTimeout(() => resolve(undefined), deadline.remainingMs());
  });
  try {
    return await Promise.race([promise.then(value => ({ value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
