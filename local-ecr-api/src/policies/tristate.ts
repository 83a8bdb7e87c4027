/**
 * A match the simulator can decide, or `unknown` where it does not model what AWS would
 * compare. An Allow applies only on `true`; a Deny applies unless `false`, so an unknown
 * never grants more than AWS would.
 */
export type Tristate = boolean | 'unknown';

/** Logical AND: any `false` decides, then any `unknown`. */
export function allOf(values: readonly Tristate[]): Tristate {
  if (values.includes(false)) return false;
  return values.includes('unknown') ? 'unknown' : true;
}

/** Logical OR: any `true` decides, then any `unknown`. */
export function anyOf(values: readonly Tristate[]): Tristate {
  if (values.includes(true)) return true;
  return values.includes('unknown') ? 'unknown' : false;
}
