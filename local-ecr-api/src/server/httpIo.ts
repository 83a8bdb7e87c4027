import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request bodies above this are refused (ECR's largest member, a manifest, is 4 MiB). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export class BodyTooLarge extends Error {}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Writes a JSON response with the request id every AWS response carries. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
  contentType = 'application/json',
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A deterministic, UUID-shaped request id: `x-amzn-RequestId` of the n-th response. */
export function requestId(seed: number, n: number): string {
  const hex = (value: number, width: number) =>
    (value >>> 0).toString(16).padStart(width, '0').slice(-width);
  return `${hex(seed, 8)}-0000-4000-8000-${hex(Math.floor(n / 2 ** 32), 4)}${hex(n, 8)}`;
}
