import type { FindingRecord } from '../model';
import type { InspectorSeverityCounts } from './types';

/**
 * `SeverityCounts`: `all` counts every finding whatever its severity (LOW, INFORMATIONAL and
 * UNTRIAGED included; Inspector's scan events report a TOTAL above CRITICAL + HIGH + MEDIUM),
 * the others one severity each.
 */
export function inspectorSeverityCounts(
  findings: readonly FindingRecord[],
): InspectorSeverityCounts {
  let critical = 0;
  let high = 0;
  let medium = 0;
  for (const finding of findings) {
    if (finding.severity === 'CRITICAL') critical += 1;
    else if (finding.severity === 'HIGH') high += 1;
    else if (finding.severity === 'MEDIUM') medium += 1;
  }
  return { all: findings.length, critical, high, medium };
}
