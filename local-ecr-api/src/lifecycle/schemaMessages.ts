// ECR checks policy text against a JSON schema and reports the validator's own wording
// (e.g. `object has missing required properties (["rules"])`); these build the same
// sentences so that clients matching on them see what real ECR sends.

/** The validator's name for a JSON value's type (`integer` for whole numbers). */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}

export function missingProperties(names: readonly string[]): string {
  return `object has missing required properties (${JSON.stringify([...names].sort())})`;
}

export function propertiesNotAllowed(names: readonly string[]): string {
  return `object instance has properties which are not allowed by the schema: (${JSON.stringify([...names].sort())})`;
}

export function notInEnum(value: unknown, allowed: readonly string[]): string {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return `instance value (${shown}) not found in enum (possible values: ${JSON.stringify(allowed)})`;
}

export function wrongType(value: unknown, allowed: string): string {
  return `instance type (${jsonType(value)}) does not match any allowed primitive type (allowed: ["${allowed}"])`;
}

export function belowMinimum(minimum: number, found: number): string {
  return `numeric instance is lower than the required minimum (minimum: ${minimum}, found: ${found})`;
}

export function arrayTooShort(minimum: number, found: number): string {
  return `array is too short: must have at least ${minimum} elements but instance has ${found} elements`;
}

export function arrayTooLong(maximum: number, found: number): string {
  return `array is too long: must have at most ${maximum} elements but instance has ${found} elements`;
}
