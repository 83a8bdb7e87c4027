import type {
  EcrScanSummary,
  ScanState,
  SeverityCounts,
} from '@ecr-kit/backstage-plugin-ecr-common';
import { NOT_SCANNED } from './scanSummary';

/** Which state of a platform decides the index's state, most telling first. */
const PRECEDENCE: readonly ScanState[] = [
  'UNAVAILABLE',
  'IN_PROGRESS',
  'PENDING',
  'FAILED',
  'UNKNOWN',
  'UNSUPPORTED',
  'NOT_SCANNED',
];

/**
 * The scan summary of an image index from its platforms' summaries (ECR scans the
 * platform manifests, not the index): complete only when every platform is, with the
 * highest count per severity over the platforms — the same CVE in two platforms is one
 * vulnerability, so counts are not added up.
 */
export function combineScans(
  platforms: readonly EcrScanSummary[],
): EcrScanSummary {
  if (platforms.length === 0) return NOT_SCANNED;
  const pending = PRECEDENCE.find(state =>
    platforms.some(p => p.state === state),
  );
  if (pending) {
    const reason = platforms.find(p => p.unavailableReason)?.unavailableReason;
    return {
      state: pending,
      description: `${platforms.filter(p => p.state === pending).length} of ${platforms.length} platforms: ${pending.toLowerCase().replace('_', ' ')}`,
      ...(pending === 'UNAVAILABLE' && reason
        ? { unavailableReason: reason }
        : {}),
    };
  }
  const counts: Record<string, number> = {};
  for (const platform of platforms) {
    for (const [severity, count] of Object.entries(platform.counts ?? {})) {
      counts[severity] = Math.max(counts[severity] ?? 0, count ?? 0);
    }
  }
  const completed = platforms
    .map(p => p.completedAt)
    .filter((t): t is string => Boolean(t))
    .sort();
  return {
    state: 'COMPLETE',
    description: `Highest counts over ${platforms.length} platforms`,
    ...(completed.length
      ? { completedAt: completed[completed.length - 1] }
      : {}),
    counts: counts as SeverityCounts,
  };
}
