import { invalidParameter } from './EcrApiError';

/** One page of `items` for ECR-style `maxResults` / opaque `nextToken` paging. */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

/**
 * Pages a listing the way ECR does: `maxResults` within [1, max] (default `fallback`),
 * `nextToken` opaque and bound to the operation that issued it.
 */
export function paginate<T>(
  operation: string,
  items: readonly T[],
  request: { maxResults?: unknown; nextToken?: unknown },
  limits: { max: number; fallback: number },
): Page<T> {
  const { maxResults, nextToken } = request;
  if (
    maxResults !== undefined &&
    (typeof maxResults !== 'number' ||
      !Number.isInteger(maxResults) ||
      maxResults < 1 ||
      maxResults > limits.max)
  ) {
    throw invalidParameter(
      `1 validation error detected: Value '${String(maxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and ${limits.max}`,
    );
  }
  const size = (maxResults as number | undefined) ?? limits.fallback;
  const start = nextToken === undefined ? 0 : decodeToken(operation, nextToken);
  const end = start + size;
  return {
    items: items.slice(start, end),
    nextToken: end < items.length ? encodeToken(operation, end) : undefined,
  };
}

function encodeToken(operation: string, offset: number): string {
  return Buffer.from(JSON.stringify({ o: operation, i: offset })).toString(
    'base64url',
  );
}

function decodeToken(operation: string, token: unknown): number {
  try {
    const parsed = JSON.parse(
      Buffer.from(String(token), 'base64url').toString('utf8'),
    ) as { o?: unknown; i?: unknown };
    if (
      parsed.o === operation &&
      typeof parsed.i === 'number' &&
      parsed.i >= 0
    ) {
      return parsed.i;
    }
  } catch {
    // fall through to the error ECR gives for a token it did not issue
  }
  throw invalidParameter(
    "Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid NextToken'",
  );
}
