import type { FindingRecord, Severity } from './model';

/**
 * A stored severity as basic scanning and `findingSeverityCounts` report it: the ECR model's
 * `FindingSeverity` set has no UNTRIAGED (Inspector's), which is counted as UNDEFINED.
 */
export function ecrSeverity(
  severity: Severity,
): Exclude<Severity, 'UNTRIAGED'> {
  return severity === 'UNTRIAGED' ? 'UNDEFINED' : severity;
}

/** `findingSeverityCounts` as ECR returns it: only severities that occur. */
export function severityCounts(
  findings: readonly FindingRecord[],
): Partial<Record<Severity, number>> {
  const counts: Partial<Record<Severity, number>> = {};
  for (const finding of findings) {
    const severity = ecrSeverity(finding.severity);
    counts[severity] = (counts[severity] ?? 0) + 1;
  }
  return counts;
}
