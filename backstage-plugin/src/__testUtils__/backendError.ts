import { ResponseError } from '@backstage/errors';

/** A ResponseError as the client builds it from a Backstage backend error body. */
export function backendError(status: number, name: string, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        request: { method: 'GET', url: '/api/ecr' },
        response: { statusCode: status },
      }),
      { status, headers: { 'content-type': 'application/json' } },
    ),
  );
}
