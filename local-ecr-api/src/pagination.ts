import { invalidParameterAt } from './EcrApiError';

/** One page of `items` for ECR-style `maxResults` / opaque `nextToken` paging. */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

/**
 * Pages a listing the way ECR does: `maxResults` (its bounds are checked from the model
 * before the handler runs) defaulting to `fallback`; `nextToken` opaque and bound to the
 * listing that issued it, so a forged or foreign token is rejected.
 */
export function paginate<T>(
  listing: string,
  items: readonly T[],
  request: { maxResults?: unknown; nextToken?: unknown },
  limits: { fallback: number },
): Page<T> {
  const size = (request.maxResults as number | undefined) ?? limits.fallback;
  const start =
    request.nextToken === undefined
      ? 0
      : decodeToken(listing, request.nextToken);
  const end = start + size;
  return {
    items: items.slice(start, end),
    nextToken: end < items.length ? encodeToken(listing, end) : undefined,
  };
}

function encodeToken(listing: string, offset: number): string {
  return Buffer.from(JSON.stringify({ o: listing, i: offset })).toString(
    'base64url',
  );
}

function decodeToken(listing: string, token: unknown): number {
  try {
    const parsed = JSON.parse(
      Buffer.from(String(token), 'base64url').toString('utf8'),
    ) as { o?: unknown; i?: unknown };
    if (
      parsed.o === listing &&
      typeof parsed.i === 'number' &&
      Number.isInteger(parsed.i) &&
      parsed.i >= 0
    ) {
      return parsed.i;
    }
  } catch {
    // fall through to the error ECR gives for a token it did not issue
  }
  throw invalidParameterAt('nextToken', 'Invalid NextToken');
}
