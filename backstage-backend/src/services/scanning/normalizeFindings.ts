import type {
  CvssScore,
  EnhancedImageScanFinding,
  ImageScanFinding,
  VulnerablePackage,
} from '@aws-sdk/client-ecr';
import type {
  EcrCvss,
  EcrFinding,
  EcrVulnerablePackage,
} from '@ecr-kit/backstage-plugin-ecr-common';
import { toSeverity } from './scanSummary';

// Inspector's words for "no value"; never shown as if they were one.
const NOT_AVAILABLE = new Set(['NotAvailable', 'None Provided', '']);

function present(value: string | undefined): string | undefined {
  return value === undefined || NOT_AVAILABLE.has(value.trim())
    ? undefined
    : value;
}

function attribute(finding: ImageScanFinding, key: string): string | undefined {
  return present(finding.attributes?.find(a => a.key === key)?.value);
}

function isoTime(
  value: Date | string | number | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function uniqueUrls(...urls: (string | undefined)[]): string[] | undefined {
  const unique = [...new Set(urls.map(present).filter(Boolean))] as string[];
  return unique.length > 0 ? unique : undefined;
}

/** Drops the keys whose value is undefined, so the response carries only what is known. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/** A basic-scanning finding in the common shape. */
export function fromBasicFinding(finding: ImageScanFinding): EcrFinding {
  // Basic scanning reports CVSS v3 where it has it, else v2 (the older Clair scanner).
  const version = attribute(finding, 'CVSS3_SCORE') ? '3' : '2';
  const score = attribute(finding, `CVSS${version}_SCORE`);
  const cvssScore = score === undefined ? undefined : Number(score);
  const cvss: EcrCvss | undefined =
    cvssScore === undefined || Number.isNaN(cvssScore)
      ? undefined
      : defined({
          score: cvssScore,
          vector: attribute(finding, `CVSS${version}_VECTOR`),
          version,
        });
  return defined({
    id: finding.name ?? 'unknown',
    severity: toSeverity(finding.severity),
    packageName: attribute(finding, 'package_name'),
    installedVersion: attribute(finding, 'package_version'),
    fixAvailable: false,
    cvssScore: cvss?.score,
    description: present(finding.description),
    referenceUrl: present(finding.uri),
    cvss,
    references: uniqueUrls(finding.uri),
  });
}

function fromPackage(pkg: VulnerablePackage): EcrVulnerablePackage | undefined {
  if (!pkg.name) return undefined;
  return defined({
    name: pkg.name,
    version: present(pkg.version),
    fixedInVersion: present(pkg.fixedInVersion),
    packageManager: present(pkg.packageManager),
    arch: present(pkg.arch),
    filePath: present(pkg.filePath),
  });
}

/**
 * The CVSS score behind an enhanced finding's score: Inspector's own score details when
 * present (they carry the source it took the score from), else the vendor's first CVSS.
 */
function enhancedCvss(finding: EnhancedImageScanFinding): EcrCvss | undefined {
  const details = finding.scoreDetails?.cvss;
  const vendor: CvssScore | undefined =
    finding.packageVulnerabilityDetails?.cvss?.[0];
  const score = finding.score ?? details?.score ?? vendor?.baseScore;
  if (score === undefined) return undefined;
  return defined({
    score,
    vector: present(details?.scoringVector ?? vendor?.scoringVector),
    version: present(details?.version ?? vendor?.version),
    source: present(details?.scoreSource ?? vendor?.source),
  });
}

/** An enhanced-scanning (Inspector) finding in the common shape. */
export function fromEnhancedFinding(
  finding: EnhancedImageScanFinding,
): EcrFinding {
  const details = finding.packageVulnerabilityDetails;
  const packages = (details?.vulnerablePackages ?? [])
    .map(fromPackage)
    .filter((p): p is EcrVulnerablePackage => p !== undefined);
  const first = packages[0];
  const cvss = enhancedCvss(finding);
  const referenceUrl = present(
    details?.sourceUrl ?? details?.referenceUrls?.[0],
  );
  return defined({
    id: details?.vulnerabilityId ?? finding.title ?? 'unknown',
    severity: toSeverity(finding.severity),
    packageName: first?.name,
    installedVersion: first?.version,
    fixedInVersion: first?.fixedInVersion,
    fixAvailable:
      finding.fixAvailable === 'YES' || finding.fixAvailable === 'PARTIAL',
    cvssScore: cvss?.score,
    exploitAvailable:
      finding.exploitAvailable === undefined
        ? undefined
        : finding.exploitAvailable === 'YES',
    description: present(finding.description),
    referenceUrl,
    title: present(finding.title),
    cvss,
    remediation: present(finding.remediation?.recommendation?.text),
    remediationUrl: present(finding.remediation?.recommendation?.url),
    firstObservedAt: isoTime(finding.firstObservedAt),
    lastObservedAt: isoTime(finding.lastObservedAt),
    references: uniqueUrls(referenceUrl, ...(details?.referenceUrls ?? [])),
    packages: packages.length > 0 ? packages : undefined,
  });
}
