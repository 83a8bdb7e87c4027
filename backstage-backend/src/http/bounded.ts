/** Longest piece of a caller's input repeated in an error message. */
export const MAX_ECHOED_CHARACTERS = 120;

/** `value` as an error message may repeat it: bounded, with an ellipsis when cut. */
export function bounded(value: string, max = MAX_ECHOED_CHARACTERS): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
