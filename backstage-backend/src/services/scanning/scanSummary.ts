import type {
  DescribeImageScanFindingsResponse,
  ImageScanStatus,
} from '@aws-sdk/client-ecr';
import {
  SEVERITIES,
  type EcrScanSummary,
  type ScanState,
  type Severity,
  type SeverityCounts,
} from '@ecr-kit/backstage-plugin-ecr-common';

/** ECR severities mapped to ours (Inspector's UNTRIAGED counts as UNDEFINED). */
export function toSeverity(value: string | undefined): Severity {
  return (SEVERITIES as readonly (string | undefined)[]).includes(value)
    ? (value as Severity)
    : 'UNDEFINED';
}

export function toCounts(
  counts: Record<string, number | undefined> | undefined,
): SeverityCounts {
  const result: Record<string, number> = {};
  for (const [severity, count] of Object.entries(counts ?? {})) {
    const key = toSeverity(severity);
    result[key] = (result[key] ?? 0) + (count ?? 0);
  }
  return result;
}

function toState(status: ImageScanStatus['status'] | undefined): ScanState {
  switch (status) {
    case 'COMPLETE':
    case 'ACTIVE':
      return 'COMPLETE';
    case 'IN_PROGRESS':
      return 'IN_PROGRESS';
    case 'PENDING':
      return 'PENDING';
    case 'FAILED':
    case 'FINDINGS_UNAVAILABLE':
    case 'SCAN_ELIGIBILITY_EXPIRED':
      return 'FAILED';
    case 'UNSUPPORTED_IMAGE':
      return 'UNSUPPORTED';
    default:
      return 'UNKNOWN';
  }
}

/** The summary of a DescribeImageScanFindings answer (or of legacy DescribeImages fields). */
export function scanSummary(response: {
  imageScanStatus?: ImageScanStatus;
  imageScanFindings?: DescribeImageScanFindingsResponse['imageScanFindings'];
}): EcrScanSummary {
  const state = toState(response.imageScanStatus?.status);
  const findings = response.imageScanFindings;
  return {
    state,
    ...(response.imageScanStatus?.description
      ? { description: response.imageScanStatus.description }
      : {}),
    ...(findings?.imageScanCompletedAt
      ? { completedAt: findings.imageScanCompletedAt.toISOString() }
      : {}),
    ...(state === 'COMPLETE'
      ? { counts: toCounts(findings?.findingSeverityCounts) }
      : {}),
  };
}

export const NOT_SCANNED: EcrScanSummary = { state: 'NOT_SCANNED' };

/** Each severity's place in {@link SEVERITIES} (most severe first), looked up once. */
const RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<
  Severity,
  number
>;

/** Whether `severity` is at least as severe as `minimum`. */
export function atLeast(severity: Severity, minimum: Severity): boolean {
  return RANK[severity] <= RANK[minimum];
}

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

/** Whether a summary has a finding at `minimum` severity or worse. */
export function hasSeverity(
  summary: EcrScanSummary,
  minimum: Severity,
): boolean {
  return Object.entries(summary.counts ?? {}).some(
    ([severity, count]) =>
      (count ?? 0) > 0 && atLeast(severity as Severity, minimum),
  );
}
