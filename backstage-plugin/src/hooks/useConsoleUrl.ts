import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { useCallback } from 'react';
import { consoleShortcutUrl } from '../format';

/**
 * Turns the backend's console links into the links users should follow: through the
 * IAM Identity Center portal when `aws.sso.subdomain` is configured, else direct.
 */
export function useConsoleUrl(): (
  consoleUrl: string | undefined,
  accountId: string,
) => string | undefined {
  const config = useApi(configApiRef);
  const subdomain = config.getOptionalString('aws.sso.subdomain');
  const roleName = config.getOptionalString('aws.sso.roleName');
  return useCallback(
    (consoleUrl, accountId) =>
      consoleUrl &&
      consoleShortcutUrl(
        consoleUrl,
        accountId,
        subdomain ? { subdomain, roleName } : undefined,
      ),
    [subdomain, roleName],
  );
}
