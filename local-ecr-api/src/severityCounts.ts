import type { FindingRecord, Severity } from './model';

/** `findingSeverityCounts` as ECR returns it: only severities that occur. */
export function severityCounts(
  findings: readonly FindingRecord[],
): Partial<Record<Severity, number>> {
  const counts: Partial<Record<Severity, number>> = {};
  for (const finding of findings) {
    counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
  }
  return counts;
}
