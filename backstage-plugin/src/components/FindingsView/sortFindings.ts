import {
  SEVERITIES,
  type EcrFinding,
} from '@ecr-kit/backstage-plugin-ecr-common';

/** Most severe first; within a severity, highest CVSS first, then by id. */
export function sortFindings(findings: readonly EcrFinding[]): EcrFinding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      (b.cvssScore ?? -1) - (a.cvssScore ?? -1) ||
      a.id.localeCompare(b.id),
  );
}
