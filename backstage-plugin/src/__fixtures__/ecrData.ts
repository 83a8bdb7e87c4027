import type { Entity } from '@backstage/catalog-model';
import type {
  EcrFinding,
  EcrImage,
  EcrRepositorySummary,
  Freshness,
} from '@ecr-kit/backstage-plugin-ecr-common';

// Test and dev-harness data shaped exactly like the backend's responses.

export const fresh: Freshness = {
  fetchedAt: '2025-06-01T12:00:00.000Z',
  stale: false,
};

export const annotatedEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments',
    namespace: 'default',
    annotations: {
      'aws.amazon.com/amazon-ecr-arn':
        'arn:aws:ecr:eu-west-1:111122223333:repository/payments/api',
    },
  },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

/** The compound ref of {@link annotatedEntity}, as the ECR API receives it. */
export const annotatedEntityRef = {
  kind: 'Component',
  namespace: 'default',
  name: 'payments',
};

export const plainEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'plain', namespace: 'default' },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

export const compliantRepository: EcrRepositorySummary = {
  arn: 'arn:aws:ecr:eu-west-1:111122223333:repository/payments/api',
  name: 'payments/api',
  uri: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/payments/api',
  accountId: '111122223333',
  region: 'eu-west-1',
  createdAt: '2024-01-10T09:00:00.000Z',
  tagMutability: { mode: 'IMMUTABLE', exclusionFilters: [] },
  scanning: { type: 'ENHANCED', scanOnPush: true, continuous: true },
  encryption: {
    type: 'KMS',
    kmsKey: 'arn:aws:kms:eu-west-1:111122223333:key/abcd',
  },
  lifecyclePolicy: { present: true, rules: ['Expire untagged after 14 days'] },
  repositoryPolicyPresent: true,
  imageCount: 3,
  consoleUrl:
    'https://eu-west-1.console.aws.amazon.com/ecr/repositories/private/111122223333/payments/api?region=eu-west-1',
};

export const laxRepository: EcrRepositorySummary = {
  arn: 'arn:aws:ecr:us-east-1:444455556666:repository/payments/worker',
  name: 'payments/worker',
  uri: '444455556666.dkr.ecr.us-east-1.amazonaws.com/payments/worker',
  accountId: '444455556666',
  region: 'us-east-1',
  tagMutability: { mode: 'MUTABLE', exclusionFilters: [] },
  scanning: { type: 'BASIC', scanOnPush: false, continuous: false },
  encryption: { type: 'AES256' },
  lifecyclePolicy: { present: false, rules: [] },
  repositoryPolicyPresent: false,
  imageCount: 0,
};

export function digestOf(seed: string): string {
  return `sha256:${seed.repeat(64).slice(0, 64)}`;
}

const base = {
  manifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
  status: 'ACTIVE' as const,
  children: [] as EcrImage[],
  referrers: [] as EcrImage[],
};

export const signature: EcrImage = {
  ...base,
  digest: digestOf('5'),
  tags: [],
  sizeInBytes: 1200,
  pushedAt: '2025-05-30T10:01:00.000Z',
  artifactMediaType: 'application/vnd.dev.cosign.artifact.sig.v1+json',
  kind: 'signature',
};

export const sbom: EcrImage = {
  ...base,
  digest: digestOf('6'),
  tags: [],
  sizeInBytes: 48_000,
  pushedAt: '2025-05-30T10:02:00.000Z',
  artifactMediaType: 'application/spdx+json',
  kind: 'sbom',
};

export const latestImage: EcrImage = {
  ...base,
  digest: digestOf('a'),
  tags: ['v1.4.2', 'latest', 'main-9f8e7d6', 'release-2025-05', 'candidate'],
  sizeInBytes: 87_654_321,
  pushedAt: '2025-05-30T10:00:00.000Z',
  lastPulledAt: '2025-05-31T08:00:00.000Z',
  kind: 'image',
  scan: {
    state: 'COMPLETE',
    completedAt: '2025-05-30T10:05:00.000Z',
    counts: { CRITICAL: 1, HIGH: 3, MEDIUM: 5, LOW: 2, INFORMATIONAL: 4 },
  },
  referrers: [signature, sbom],
  consoleUrl: `https://eu-west-1.console.aws.amazon.com/ecr/repositories/private/111122223333/payments/api/_/image/${encodeURIComponent(
    digestOf('a'),
  )}/details?region=eu-west-1`,
};

export const multiArchIndex: EcrImage = {
  ...base,
  digest: digestOf('b'),
  tags: ['v1.4.1'],
  sizeInBytes: 1_024,
  pushedAt: '2025-05-20T10:00:00.000Z',
  manifestMediaType: 'application/vnd.oci.image.index.v1+json',
  kind: 'image-index',
  scan: { state: 'IN_PROGRESS' },
  children: [
    {
      ...base,
      digest: digestOf('c'),
      tags: [],
      sizeInBytes: 50_000_000,
      kind: 'image',
      platform: 'linux/amd64',
    },
    {
      ...base,
      digest: digestOf('d'),
      tags: [],
      sizeInBytes: 48_000_000,
      kind: 'image',
      platform: 'linux/arm64',
    },
  ],
};

export const archivedImage: EcrImage = {
  ...base,
  digest: digestOf('e'),
  tags: [],
  sizeInBytes: 80_000_000,
  pushedAt: '2024-11-02T10:00:00.000Z',
  kind: 'image',
  status: 'ARCHIVED',
  scan: { state: 'FAILED', description: 'UnsupportedImageError: no layers' },
};

export const helmChart: EcrImage = {
  ...base,
  digest: digestOf('f'),
  tags: ['chart-0.3.0'],
  sizeInBytes: 9_000,
  pushedAt: '2025-04-01T10:00:00.000Z',
  artifactMediaType: 'application/vnd.cncf.helm.config.v1+json',
  kind: 'helm-chart',
  scan: { state: 'UNSUPPORTED', description: 'Helm charts are not scanned' },
};

export const images: EcrImage[] = [
  latestImage,
  multiArchIndex,
  helmChart,
  archivedImage,
];

export const findings: EcrFinding[] = [
  {
    id: 'CVE-2024-0002',
    severity: 'MEDIUM',
    packageName: 'zlib',
    installedVersion: '1.2.11',
    fixAvailable: false,
    cvssScore: 5.3,
  },
  {
    id: 'CVE-2024-0001',
    severity: 'CRITICAL',
    packageName: 'openssl',
    installedVersion: '3.0.1',
    fixedInVersion: '3.0.8',
    fixAvailable: true,
    cvssScore: 9.8,
    exploitAvailable: true,
    description: 'A buffer overread in X.509 certificate verification.',
    referenceUrl: 'https://nvd.nist.gov/vuln/detail/CVE-2024-0001',
    title: 'CVE-2024-0001 - openssl',
    cvss: {
      score: 9.8,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      version: '3.1',
      source: 'NVD',
    },
    remediation: 'Upgrade openssl to 3.0.8.',
    firstObservedAt: '2025-05-30T10:05:00.000Z',
    lastObservedAt: '2025-06-01T08:00:00.000Z',
    references: [
      'https://nvd.nist.gov/vuln/detail/CVE-2024-0001',
      'https://www.openssl.org/news/secadv/20250101.txt',
    ],
    packages: [
      {
        name: 'openssl',
        version: '3.0.1',
        fixedInVersion: '3.0.8',
        packageManager: 'OS',
        arch: 'X86_64',
      },
    ],
  },
  {
    id: 'CVE-2024-0003',
    severity: 'HIGH',
    packageName: 'libxml2',
    installedVersion: '2.9.10',
    fixedInVersion: '2.9.14',
    fixAvailable: true,
    cvssScore: 7.5,
    exploitAvailable: false,
  },
];
