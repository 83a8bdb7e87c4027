import { createHash } from 'node:crypto';
import { formatArn } from '@ecr-kit/ecr-standard';
import type { FindingRecord, ImageRecord, RepositoryRecord } from './model';
import type { Registry } from './Registry';
import { ecrSeverity } from './severityCounts';

function referenceUrl(id: string): string {
  return id.startsWith('CVE-')
    ? `https://nvd.nist.gov/vuln/detail/${id}`
    : `https://osv.dev/vulnerability/${id}`;
}

/** A finding as basic scanning reports it (`findings`). */
export function basicFinding(finding: FindingRecord) {
  return {
    name: finding.id,
    description: finding.description,
    uri: referenceUrl(finding.id),
    severity: ecrSeverity(finding.severity),
    attributes: [
      { key: 'package_name', value: finding.packageName },
      { key: 'package_version', value: finding.packageVersion },
      ...(finding.cvssScore !== undefined
        ? [{ key: 'CVSS3_SCORE', value: finding.cvssScore.toFixed(1) }]
        : []),
    ],
  };
}

/** A finding as enhanced scanning (Amazon Inspector) reports it (`enhancedFindings`). */
export function enhancedFinding(
  registry: Registry,
  repository: RepositoryRecord,
  image: ImageRecord,
  finding: FindingRecord,
  observedAt: number,
) {
  const hash = createHash('sha256')
    .update(`${image.imageDigest}/${finding.id}/${finding.packageName}`)
    .digest('hex')
    .slice(0, 32);
  const vector = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
  return {
    awsAccountId: registry.accountId,
    description: finding.description,
    findingArn: formatArn({
      service: 'inspector2',
      region: registry.region,
      accountId: registry.accountId,
      resource: `finding/${hash}`,
    }),
    firstObservedAt: observedAt,
    lastObservedAt: observedAt,
    updatedAt: observedAt,
    packageVulnerabilityDetails: {
      ...(finding.cvssScore !== undefined
        ? {
            cvss: [
              {
                baseScore: finding.cvssScore,
                scoringVector: vector,
                source: 'NVD',
                version: '3.1',
              },
            ],
          }
        : {}),
      referenceUrls: [referenceUrl(finding.id)],
      relatedVulnerabilities: [],
      source: 'NVD',
      sourceUrl: referenceUrl(finding.id),
      vendorSeverity: finding.severity,
      vulnerabilityId: finding.id,
      vulnerablePackages: [
        {
          arch: 'X86_64',
          name: finding.packageName,
          packageManager: 'OS',
          version: finding.packageVersion,
          fixedInVersion: finding.fixedInVersion ?? 'NotAvailable',
        },
      ],
    },
    remediation: {
      recommendation: {
        text: finding.fixedInVersion
          ? `Upgrade ${finding.packageName} to ${finding.fixedInVersion}.`
          : 'None Provided',
      },
    },
    resources: [
      {
        id: `${registry.repositoryArn(repository.repositoryName)}/${image.imageDigest}`,
        type: 'AWS_ECR_CONTAINER_IMAGE',
        details: {
          awsEcrContainerImage: {
            architecture: 'amd64',
            imageHash: image.imageDigest,
            imageTags: image.imageTags,
            platform: 'LINUX',
            pushedAt: image.imagePushedAt,
            registry: registry.accountId,
            repositoryName: repository.repositoryName,
          },
        },
      },
    ],
    ...(finding.cvssScore !== undefined
      ? {
          score: finding.cvssScore,
          scoreDetails: {
            cvss: {
              score: finding.cvssScore,
              scoringVector: vector,
              scoreSource: 'NVD',
              version: '3.1',
              adjustments: [],
            },
          },
        }
      : {}),
    severity: finding.severity,
    status: 'ACTIVE',
    title: `${finding.id} - ${finding.packageName}`,
    type: 'PACKAGE_VULNERABILITY',
    fixAvailable: finding.fixedInVersion ? 'YES' : 'NO',
    exploitAvailable: finding.exploitAvailable ? 'YES' : 'NO',
  };
}
