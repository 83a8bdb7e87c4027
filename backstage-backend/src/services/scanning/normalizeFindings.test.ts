import type {
  EnhancedImageScanFinding,
  ImageScanFinding,
} from '@aws-sdk/client-ecr';
import { fromBasicFinding, fromEnhancedFinding } from './normalizeFindings';

const observed = new Date('2026-06-12T09:32:00.000Z');

/** An enhanced finding as DescribeImageScanFindings returns it (Amazon Inspector's shape). */
const log4shell: EnhancedImageScanFinding = {
  awsAccountId: '111122223333',
  description:
    'Log4Shell: JNDI lookups in log messages allow remote code execution.',
  findingArn: 'arn:aws:inspector2:eu-west-1:111122223333:finding/0123',
  firstObservedAt: new Date('2026-06-10T08:00:00.000Z'),
  lastObservedAt: observed,
  updatedAt: observed,
  packageVulnerabilityDetails: {
    cvss: [
      {
        baseScore: 10,
        scoringVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
        source: 'NVD',
        version: '3.1',
      },
    ],
    referenceUrls: [
      'https://nvd.nist.gov/vuln/detail/CVE-2021-44228',
      'https://logging.apache.org/log4j/2.x/security.html',
    ],
    relatedVulnerabilities: [],
    source: 'NVD',
    sourceUrl: 'https://nvd.nist.gov/vuln/detail/CVE-2021-44228',
    vendorSeverity: 'CRITICAL',
    vulnerabilityId: 'CVE-2021-44228',
    vulnerablePackages: [
      {
        arch: 'X86_64',
        name: 'log4j-core',
        packageManager: 'JAR',
        version: '2.14.1',
        fixedInVersion: '2.17.1',
        filePath: 'app/lib/log4j-core-2.14.1.jar',
      },
      {
        name: 'log4j-api',
        packageManager: 'JAR',
        version: '2.14.1',
        fixedInVersion: 'NotAvailable',
      },
    ],
  },
  remediation: {
    recommendation: {
      text: 'Upgrade log4j-core to 2.17.1.',
      url: 'https://logging.apache.org/log4j/2.x/security.html',
    },
  },
  score: 10,
  scoreDetails: {
    cvss: {
      score: 10,
      scoringVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
      scoreSource: 'NVD',
      version: '3.1',
      adjustments: [],
    },
  },
  severity: 'CRITICAL',
  status: 'ACTIVE',
  title: 'CVE-2021-44228 - log4j-core',
  type: 'PACKAGE_VULNERABILITY',
  fixAvailable: 'YES',
  exploitAvailable: 'YES',
};

describe('fromEnhancedFinding', () => {
  it('keeps the detail Inspector reports: CVSS vector and source, remediation, observed times, references, packages', () => {
    expect(fromEnhancedFinding(log4shell)).toEqual({
      id: 'CVE-2021-44228',
      severity: 'CRITICAL',
      packageName: 'log4j-core',
      installedVersion: '2.14.1',
      fixedInVersion: '2.17.1',
      fixAvailable: true,
      cvssScore: 10,
      exploitAvailable: true,
      description:
        'Log4Shell: JNDI lookups in log messages allow remote code execution.',
      referenceUrl: 'https://nvd.nist.gov/vuln/detail/CVE-2021-44228',
      title: 'CVE-2021-44228 - log4j-core',
      cvss: {
        score: 10,
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
        version: '3.1',
        source: 'NVD',
      },
      remediation: 'Upgrade log4j-core to 2.17.1.',
      remediationUrl: 'https://logging.apache.org/log4j/2.x/security.html',
      firstObservedAt: '2026-06-10T08:00:00.000Z',
      lastObservedAt: '2026-06-12T09:32:00.000Z',
      // The source URL first, each URL once.
      references: [
        'https://nvd.nist.gov/vuln/detail/CVE-2021-44228',
        'https://logging.apache.org/log4j/2.x/security.html',
      ],
      packages: [
        {
          name: 'log4j-core',
          version: '2.14.1',
          fixedInVersion: '2.17.1',
          packageManager: 'JAR',
          arch: 'X86_64',
          filePath: 'app/lib/log4j-core-2.14.1.jar',
        },
        { name: 'log4j-api', version: '2.14.1', packageManager: 'JAR' },
      ],
    });
  });

  it.each([
    ['no fix', { fixAvailable: 'NO' }, { fixAvailable: false }],
    ['a partial fix', { fixAvailable: 'PARTIAL' }, { fixAvailable: true }],
    [
      'no known exploit',
      { exploitAvailable: 'NO' },
      { exploitAvailable: false },
    ],
  ] as const)('maps %s', (_case, input, expected) => {
    expect(fromEnhancedFinding({ ...log4shell, ...input })).toMatchObject(
      expected,
    );
  });

  it('leaves out what Inspector reports as not provided, and takes the vendor CVSS without score details', () => {
    const finding = fromEnhancedFinding({
      ...log4shell,
      score: undefined,
      scoreDetails: undefined,
      remediation: { recommendation: { text: 'None Provided' } },
      firstObservedAt: undefined,
      lastObservedAt: undefined,
      title: undefined,
    });
    expect(finding.cvss).toEqual({
      score: 10,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
      version: '3.1',
      source: 'NVD',
    });
    expect(finding.cvssScore).toBe(10);
    for (const key of [
      'remediation',
      'remediationUrl',
      'firstObservedAt',
      'lastObservedAt',
      'title',
    ]) {
      expect(finding).not.toHaveProperty(key);
    }
  });

  it('survives a finding with almost nothing in it', () => {
    expect(fromEnhancedFinding({ severity: 'UNTRIAGED' })).toEqual({
      id: 'unknown',
      severity: 'UNDEFINED',
      fixAvailable: false,
    });
  });
});

describe('fromBasicFinding', () => {
  const finding: ImageScanFinding = {
    name: 'CVE-2024-6387',
    description: 'regreSSHion',
    uri: 'https://nvd.nist.gov/vuln/detail/CVE-2024-6387',
    severity: 'HIGH',
    attributes: [
      { key: 'package_name', value: 'openssh' },
      { key: 'package_version', value: '9.6p1' },
      { key: 'CVSS3_SCORE', value: '8.1' },
      {
        key: 'CVSS3_VECTOR',
        value: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
      },
    ],
  };

  it('reads package, CVSS v3 score and vector from the attributes', () => {
    expect(fromBasicFinding(finding)).toEqual({
      id: 'CVE-2024-6387',
      severity: 'HIGH',
      packageName: 'openssh',
      installedVersion: '9.6p1',
      fixAvailable: false,
      cvssScore: 8.1,
      description: 'regreSSHion',
      referenceUrl: 'https://nvd.nist.gov/vuln/detail/CVE-2024-6387',
      cvss: {
        score: 8.1,
        vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
        version: '3',
      },
      references: ['https://nvd.nist.gov/vuln/detail/CVE-2024-6387'],
    });
  });

  it('falls back to CVSS v2, as the older basic scanner reports it', () => {
    const cvss2 = fromBasicFinding({
      ...finding,
      attributes: [
        { key: 'package_name', value: 'openssh' },
        { key: 'CVSS2_VECTOR', value: 'AV:N/AC:M/Au:N/C:C/I:C/A:C' },
        { key: 'CVSS2_SCORE', value: '9.3' },
      ],
    });
    expect(cvss2.cvss).toEqual({
      score: 9.3,
      vector: 'AV:N/AC:M/Au:N/C:C/I:C/A:C',
      version: '2',
    });
    expect(cvss2.cvssScore).toBe(9.3);
  });

  it('has no CVSS when the scanner gives none', () => {
    const bare = fromBasicFinding({ name: 'CVE-1', severity: 'LOW' });
    expect(bare).toEqual({ id: 'CVE-1', severity: 'LOW', fixAvailable: false });
  });
});
