import { WarningPanel } from '@backstage/core-components';
import type { Freshness } from '@ecr-kit/backstage-plugin-ecr-common';
import { formatTimeWithAge } from '../../format';

/**
 * Says when the backend served the last good data because AWS could not be reached: from
 * when (and how old that is) and why.
 */
export function FreshnessNotice(props: { freshness?: Freshness }) {
  const { freshness } = props;
  if (!freshness?.stale) return null;
  return (
    <WarningPanel
      severity="warning"
      title={`Data from ${formatTimeWithAge(freshness.fetchedAt)}, AWS unavailable: ${
        freshness.staleReason ?? 'no reason given'
      }`}
    />
  );
}
