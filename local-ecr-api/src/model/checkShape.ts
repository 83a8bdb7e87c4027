import {
  memberShape,
  type ServiceModel,
  type ShapeFacts,
} from './ServiceModel';

/**
 * One way a value breaks its shape's constraints.
 *
 * @public
 */
export interface ShapeViolation {
  /** Where, in the service's own notation: `imageIds.1.member.imageTag`. */
  readonly path: string;
  /** `type` problems are serialization errors; the rest are constraint violations. */
  readonly kind:
    | 'required'
    | 'type'
    | 'length'
    | 'range'
    | 'pattern'
    | 'enum'
    | 'union'
    | 'unknown';
  /** The constraint in the service's words, e.g. `must have length less than or equal to 256`. */
  readonly constraint: string;
}

/**
 * `input` checks what a service validates on a request (unknown members are ignored, as AWS
 * services do); `output` also reports members the model does not define, so a response can be
 * checked for fidelity.
 */
export type CheckMode = 'input' | 'output';

const compiled = new Map<string, RegExp>();

/**
 * AWS services match a `pattern` against the whole value (ECR rejects `MyRepo` although
 * `[a-z0-9]+…` occurs inside it), so patterns are anchored here.
 */
function fullMatch(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`);
    compiled.set(pattern, regex);
  }
  return regex;
}

/** Length as Smithy counts it: Unicode scalar values for strings, items for lists and maps. */
function lengthOf(value: unknown): number {
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  return Object.keys(value as object).length;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const JSON_TYPES: Record<ShapeFacts['type'], (value: unknown) => boolean> = {
  structure: isObject,
  map: isObject,
  list: Array.isArray,
  string: v => typeof v === 'string',
  blob: v => typeof v === 'string',
  boolean: v => typeof v === 'boolean',
  integer: v => Number.isInteger(v),
  long: v => Number.isInteger(v),
  float: v => typeof v === 'number',
  double: v => typeof v === 'number',
  timestamp: v => typeof v === 'number' || typeof v === 'string',
};

/** Every violation of `shapeName`'s constraints by `value`, depth first, in member order. */
export function checkShape(
  model: ServiceModel,
  shapeName: string,
  value: unknown,
  mode: CheckMode,
  path = '',
): ShapeViolation[] {
  const shape = model.shapes[shapeName];
  if (!shape)
    throw new Error(`shape ${shapeName} is not in ${model.source.model}`);
  const violations: ShapeViolation[] = [];
  const at = (kind: ShapeViolation['kind'], constraint: string) =>
    violations.push({ path: path || shapeName, kind, constraint });

  if (!JSON_TYPES[shape.type](value)) {
    at('type', `must be of type ${shape.type}`);
    return violations;
  }
  if (shape.enum && !shape.enum.includes(value as string)) {
    at('enum', `must satisfy enum value set: [${shape.enum.join(', ')}]`);
  }
  if (
    shape.type === 'string' ||
    shape.type === 'list' ||
    shape.type === 'map'
  ) {
    const length = lengthOf(value);
    if (shape.min !== undefined && length < shape.min) {
      at('length', `must have length greater than or equal to ${shape.min}`);
    }
    if (shape.max !== undefined && length > shape.max) {
      at('length', `must have length less than or equal to ${shape.max}`);
    }
  } else if (typeof value === 'number') {
    if (shape.min !== undefined && value < shape.min) {
      at('range', `must have value greater than or equal to ${shape.min}`);
    }
    if (shape.max !== undefined && value > shape.max) {
      at('range', `must have value less than or equal to ${shape.max}`);
    }
  }
  if (
    shape.pattern !== undefined &&
    typeof value === 'string' &&
    !fullMatch(shape.pattern).test(value)
  ) {
    at('pattern', `must satisfy regular expression '${shape.pattern}'`);
  }

  const join = (member: string) => (path ? `${path}.${member}` : member);
  if (shape.type === 'structure') {
    const record = value as Record<string, unknown>;
    const members = shape.members ?? {};
    for (const required of shape.required ?? []) {
      if (record[required] === undefined || record[required] === null) {
        violations.push({
          path: join(required),
          kind: 'required',
          constraint: 'must not be null',
        });
      }
    }
    const present = Object.keys(record).filter(
      key => record[key] !== undefined && record[key] !== null,
    );
    if (shape.union && present.length !== 1) {
      at('union', 'must have exactly one member set');
    }
    for (const key of present) {
      const member = members[key];
      if (!member) {
        if (mode === 'output') {
          violations.push({
            path: join(key),
            kind: 'unknown',
            constraint: `is not a member of ${shapeName}`,
          });
        }
        continue;
      }
      violations.push(
        ...checkShape(model, memberShape(member), record[key], mode, join(key)),
      );
    }
  } else if (shape.type === 'list' && shape.member) {
    (value as unknown[]).forEach((item, index) => {
      violations.push(
        ...checkShape(
          model,
          shape.member!,
          item,
          mode,
          join(`${index + 1}.member`),
        ),
      );
    });
  } else if (shape.type === 'map' && shape.key && shape.value) {
    for (const [key, item] of Object.entries(
      value as Record<string, unknown>,
    )) {
      violations.push(
        ...checkShape(model, shape.key, key, mode, join(`${key}.key`)),
        ...checkShape(model, shape.value, item, mode, join(`${key}.value`)),
      );
    }
  }
  return violations;
}
