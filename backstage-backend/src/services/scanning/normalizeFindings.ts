import type {
  EnhancedImageScanFinding,
  ImageScanFinding,
} from '@aws-sdk/client-ecr';
import type { EcrFinding } from '@ecr-kit/backstage-plugin-ecr-common';
import { toSeverity } from './scanSummary';

function attribute(finding: ImageScanFinding, key: string): string | undefined {
  return finding.attributes?.find(a => a.key === key)?.value;
}

/** A basic-scanning finding in the common shape. */
export function fromBasicFinding(finding: ImageScanFinding): EcrFinding {
  const score =
    attribute(finding, 'CVSS3_SCORE') ?? attribute(finding, 'CVSS2_SCORE');
  return {
    id: finding.name ?? 'unknown',
    severity: toSeverity(finding.severity),
    packageName: attribute(finding, 'package_name'),
    installedVersion: attribute(finding, 'package_version'),
    fixAvailable: false,
    cvssScore: score === undefined ? undefined : Number(score),
    description: finding.description,
    referenceUrl: finding.uri,
  };
}

/** An enhanced-scanning (Inspector) finding in the common shape. */
export function fromEnhancedFinding(
  finding: EnhancedImageScanFinding,
): EcrFinding {
  const details = finding.packageVulnerabilityDetails;
  const pkg = details?.vulnerablePackages?.[0];
  const fixedIn =
    pkg?.fixedInVersion && pkg.fixedInVersion !== 'NotAvailable'
      ? pkg.fixedInVersion
      : undefined;
  return {
    id: details?.vulnerabilityId ?? finding.title ?? 'unknown',
    severity: toSeverity(finding.severity),
    packageName: pkg?.name,
    installedVersion: pkg?.version,
    fixedInVersion: fixedIn,
    fixAvailable:
      finding.fixAvailable === 'YES' || finding.fixAvailable === 'PARTIAL',
    cvssScore: finding.score ?? details?.cvss?.[0]?.baseScore,
    exploitAvailable:
      finding.exploitAvailable === undefined
        ? undefined
        : finding.exploitAvailable === 'YES',
    description: finding.description,
    referenceUrl: details?.sourceUrl ?? details?.referenceUrls?.[0],
  };
}
