/**
 * The constraint tables in this folder are derived from AWS's own service models by
 * `scripts/extract-service-models.mjs` (facts only: types, required members, enums, lengths,
 * ranges, patterns, error status codes). `source` in each table names the model and version.
 */

/** A member of a structure: its shape, and for REST protocols where it is bound. */
export type MemberFacts =
  | string
  | {
      readonly shape: string;
      readonly location?: string;
      readonly locationName?: string;
    };

/** What the model says about one shape. */
export interface ShapeFacts {
  readonly type:
    | 'structure'
    | 'list'
    | 'map'
    | 'string'
    | 'integer'
    | 'long'
    | 'float'
    | 'double'
    | 'boolean'
    | 'timestamp'
    | 'blob';
  readonly required?: readonly string[];
  readonly members?: Readonly<Record<string, MemberFacts>>;
  readonly member?: string;
  readonly key?: string;
  readonly value?: string;
  readonly enum?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly union?: boolean;
  readonly exception?: boolean;
  /** HTTP status of an error shape. */
  readonly status?: number;
}

export interface OperationFacts {
  readonly input?: string;
  readonly output?: string;
  readonly errors: readonly string[];
  /** REST binding (restJson1 services). */
  readonly http?: {
    readonly method: string;
    readonly requestUri: string;
    readonly responseCode?: number;
  };
}

export interface ServiceModel {
  readonly source: {
    readonly model: string;
    readonly botocoreVersion: string;
    readonly botocoreCommit: string;
    readonly apiVersion: string;
    readonly protocol: string;
    readonly targetPrefix?: string;
    readonly signingName: string;
  };
  readonly operations: Readonly<Record<string, OperationFacts>>;
  readonly shapes: Readonly<Record<string, ShapeFacts>>;
}

/** The shape name of a structure member. */
export function memberShape(member: MemberFacts): string {
  return typeof member === 'string' ? member : member.shape;
}
