import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Registry } from '../Registry';
import { InspectorValidationError } from './InspectorValidationError';

/** One page of a listing, and the token for the next one if there is more. */
export interface InspectorPage<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

export interface PageOptions {
  /** Operation name; a token from one operation is refused by another. */
  readonly operation: string;
  /** Bounds of the operation's `maxResults` shape in the model. */
  readonly max: number;
  /** Page size when the request sets no `maxResults`. */
  readonly fallback: number;
}

/** Tokens are signed so that a forged or edited one is refused, not silently obeyed. */
const SECRET = randomBytes(32);

/** JSON with sorted keys, so the same request always yields the same scope. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What a token is bound to: the operation, the caller's registry and every request member
 * except the paging ones (a page size may change between pages; the filters may not).
 */
function scopeOf(
  operation: string,
  registry: Registry,
  request: Record<string, unknown>,
): string {
  const { nextToken: _token, maxResults: _size, ...query } = request;
  return canonical({
    operation,
    accountId: registry.accountId,
    region: registry.region,
    query,
  });
}

function mac(scope: string, offset: number): string {
  return createHmac('sha256', SECRET)
    .update(`${scope}\n${offset}`)
    .digest('base64url');
}

function invalidToken(): InspectorValidationError {
  return new InspectorValidationError(
    'The nextToken is not valid for this request.',
  );
}

function decode(token: unknown, scope: string): number {
  if (typeof token !== 'string') throw invalidToken();
  let parsed: { i?: unknown; m?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidToken();
  }
  const { i: offset, m: signature } = parsed ?? {};
  if (
    typeof offset !== 'number' ||
    !Number.isInteger(offset) ||
    offset < 0 ||
    typeof signature !== 'string'
  ) {
    throw invalidToken();
  }
  const expected = Buffer.from(mac(scope, offset));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw invalidToken();
  }
  return offset;
}

/** A page of `items` for Inspector's `maxResults` / opaque `nextToken` paging. */
export function paginateInspector<T>(
  items: readonly T[],
  registry: Registry,
  request: Record<string, unknown>,
  options: PageOptions,
): InspectorPage<T> {
  const { maxResults, nextToken } = request;
  if (maxResults !== undefined && maxResults !== null) {
    const constraint =
      typeof maxResults !== 'number' || !Number.isInteger(maxResults)
        ? 'must be of type integer'
        : maxResults < 1
          ? 'must have value greater than or equal to 1'
          : maxResults > options.max
            ? `must have value less than or equal to ${options.max}`
            : undefined;
    if (constraint) {
      throw InspectorValidationError.field(
        'maxResults',
        maxResults,
        constraint,
      );
    }
  }
  const scope = scopeOf(options.operation, registry, request);
  // The reference says to send null on the first call; an empty token means the same.
  const start =
    nextToken === undefined || nextToken === null || nextToken === ''
      ? 0
      : decode(nextToken, scope);
  const end = start + ((maxResults as number | undefined) ?? options.fallback);
  const more = end < items.length;
  return {
    items: items.slice(start, end),
    ...(more
      ? {
          nextToken: Buffer.from(
            JSON.stringify({ i: end, m: mac(scope, end) }),
          ).toString('base64url'),
        }
      : {}),
  };
}
