import type { Fixture } from '../index';

export const BASIC = '111111111111';
export const ENHANCED = '222222222222';
export const LEGACY = '333333333333';
export const NOW = 1_767_225_600; // 2026-01-01T00:00:00Z

const findings = [
  {
    id: 'CVE-2024-0001',
    severity: 'CRITICAL' as const,
    package: 'openssl',
    version: '3.0.1',
    fixedIn: '3.0.13',
    cvss: 9.8,
    exploitAvailable: true,
    description: 'Remote code execution in openssl',
  },
  {
    id: 'CVE-2024-0002',
    severity: 'LOW' as const,
    package: 'zlib',
    version: '1.2.11',
  },
];

function repositoryWith(scanned = true) {
  return {
    name: 'team/payments',
    imageTagMutability: 'IMMUTABLE' as const,
    scanOnPush: true,
    tags: {
      service: 'payments',
      'backstage.io/entity-ref': 'component:default/payments',
    },
    images: [
      {
        tags: ['1.0.0'],
        pushedAt: '2025-12-01T10:00:00Z',
        lastPulledAt: '2025-12-02T10:00:00Z',
        sizeInBytes: 1234,
        ...(scanned ? { scan: { findings } } : {}),
      },
      {
        kind: 'signature' as const,
        subject: '1.0.0',
        pushedAt: '2025-12-01T10:01:00Z',
      },
      {
        kind: 'sbom' as const,
        subject: '1.0.0',
        pushedAt: '2025-12-01T10:02:00Z',
      },
      {
        kind: 'index' as const,
        tags: ['2.0.0', 'latest-main'],
        pushedAt: '2025-12-10T10:00:00Z',
      },
      {
        kind: 'helm' as const,
        tags: ['chart-0.1.0'],
        pushedAt: '2025-12-11T10:00:00Z',
      },
      {
        pushedAt: '2024-01-01T00:00:00Z',
        status: 'ARCHIVED' as const,
        archivedAt: '2025-01-01T00:00:00Z',
      },
      {
        tags: ['broken'],
        pushedAt: '2025-12-12T10:00:00Z',
        scan: {
          status: 'FAILED' as const,
          description: 'Unable to scan layer',
        },
      },
    ],
  };
}

export const fixture: Fixture = {
  accounts: { AKIABASIC: BASIC, AKIAENHANCED: ENHANCED, AKIALEGACY: LEGACY },
  registries: [
    { accountId: BASIC, region: 'eu-west-1', repositories: [repositoryWith()] },
    {
      accountId: ENHANCED,
      region: 'us-east-1',
      scanType: 'ENHANCED',
      scanningRules: [{ scanFrequency: 'CONTINUOUS_SCAN', filters: ['*'] }],
      pullThroughCacheRules: [
        {
          ecrRepositoryPrefix: 'ecr-public',
          upstreamRegistryUrl: 'public.ecr.aws',
        },
      ],
      repositories: [
        repositoryWith(),
        {
          name: 'team/many-findings',
          images: [
            {
              tags: ['v1'],
              pushedAt: NOW - 100,
              scan: {
                findings: Array.from({ length: 250 }, (_, i) => ({
                  id: `CVE-2025-${String(10000 + i)}`,
                  severity: 'MEDIUM' as const,
                  package: 'glibc',
                  version: '2.36',
                })),
              },
            },
          ],
        },
        { name: 'team/big', generate: { count: 10_000, seed: 7 } },
      ],
    },
    {
      accountId: LEGACY,
      region: 'eu-west-1',
      basicScanFlavor: 'legacy',
      repositories: [repositoryWith()],
    },
  ],
};
