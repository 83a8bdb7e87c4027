import {
  paginateDescribeImageScanFindings,
  type ECRClient,
} from '@aws-sdk/client-ecr';
import { isError } from '@backstage/errors';
import type {
  EcrFinding,
  EcrScanSummary,
  RepositoryArn,
  Severity,
} from '@ecr-kit/backstage-plugin-ecr-common';
import { fromBasicFinding, fromEnhancedFinding } from './normalizeFindings';
import { NOT_SCANNED, atLeast, scanSummary, severityRank } from './scanSummary';

/**
 * Every finding of an image, all pages, basic and enhanced normalized to one shape; an
 * image never scanned has none and the NOT_SCANNED summary.
 */
export async function readImageFindings(
  ecr: ECRClient,
  arn: RepositoryArn,
  digest: string,
): Promise<{ summary: EcrScanSummary; findings: EcrFinding[] }> {
  const findings: EcrFinding[] = [];
  let summary: EcrScanSummary = NOT_SCANNED;
  try {
    for await (const page of paginateDescribeImageScanFindings(
      { client: ecr, pageSize: 1000 },
      {
        registryId: arn.accountId,
        repositoryName: arn.repositoryName,
        imageId: { imageDigest: digest },
      },
    )) {
      summary = scanSummary(page);
      findings.push(
        ...(page.imageScanFindings?.findings ?? []).map(fromBasicFinding),
        ...(page.imageScanFindings?.enhancedFindings ?? []).map(
          fromEnhancedFinding,
        ),
      );
    }
  } catch (error) {
    if (!(isError(error) && error.name === 'ScanNotFoundException')) {
      throw error;
    }
  }
  return { summary, findings };
}

/** Filters findings (minimum severity, fixable only) and sorts them most severe first. */
export function selectFindings(
  findings: readonly EcrFinding[],
  filter: { minSeverity?: Severity; fixableOnly?: boolean },
): EcrFinding[] {
  return findings
    .filter(f => !filter.minSeverity || atLeast(f.severity, filter.minSeverity))
    .filter(f => !filter.fixableOnly || f.fixAvailable)
    .sort(
      (a, b) =>
        severityRank(a.severity) - severityRank(b.severity) ||
        (b.cvssScore ?? 0) - (a.cvssScore ?? 0) ||
        a.id.localeCompare(b.id),
    );
}
