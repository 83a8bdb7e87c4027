/** Who is calling and where: read from the SigV4 `Authorization` header. */
export interface CallerIdentity {
  readonly accessKeyId: string;
  readonly region: string;
}

const CREDENTIAL =
  /Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\/[a-z0-9-]+\/aws4_request/;

/** Parses the access key id and region from a SigV4 Authorization header. */
export function parseCallerIdentity(
  authorization: string | undefined,
): CallerIdentity | undefined {
  const match = authorization ? CREDENTIAL.exec(authorization) : null;
  return match ? { accessKeyId: match[1], region: match[2] } : undefined;
}
