/** How the organisation signs in to the AWS console through IAM Identity Center. */
export interface SsoSettings {
  /** The access portal's subdomain: `my-org` for `https://my-org.awsapps.com/start`. */
  readonly subdomain: string;
  /** Permission set to sign in with; unset, the portal lets the user choose. */
  readonly roleName?: string;
}

const SUBDOMAIN = /^[a-z0-9][a-z0-9-]*$/i;

/**
 * A console link as an IAM Identity Center shortcut link
 * (`https://<subdomain>.awsapps.com/start/#/console?account_id=…&destination=…`), which
 * signs the user in to the account before opening the page. Only the `aws` partition's
 * console is reachable through an `awsapps.com` portal, so China and GovCloud links, and
 * every link when no (valid) subdomain is configured, stay as they are.
 */
export function consoleShortcutUrl(
  consoleUrl: string,
  accountId: string,
  sso?: SsoSettings,
): string {
  if (!sso || !SUBDOMAIN.test(sso.subdomain)) return consoleUrl;
  let host: string;
  try {
    host = new URL(consoleUrl).hostname;
  } catch {
    return consoleUrl;
  }
  if (!host.endsWith('.console.aws.amazon.com')) return consoleUrl;
  const role = sso.roleName
    ? `&role_name=${encodeURIComponent(sso.roleName)}`
    : '';
  return `https://${sso.subdomain}.awsapps.com/start/#/console?account_id=${encodeURIComponent(
    accountId,
  )}${role}&destination=${encodeURIComponent(consoleUrl)}`;
}
