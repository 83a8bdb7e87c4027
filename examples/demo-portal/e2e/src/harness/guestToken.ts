/** A Backstage token for the guest user, as the app's sign-in gets it. */
export async function guestToken(portalUrl: string): Promise<string> {
  const res = await fetch(`${portalUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!res.ok) {
    throw new Error(`Guest sign-in failed: ${res.status} ${await res.text()}`);
  }
  const body = (await res.json()) as { backstageIdentity: { token: string } };
  return body.backstageIdentity.token;
}
