// Test data (tests and benchmarks only): the local ECR API is a dev dependency.
// eslint-disable-next-line @backstage/no-undeclared-imports
import {
  hardenedRepositoryFixture,
  untaggedExpiryRule,
  type Fixture,
} from '@ecr-kit/local-ecr-api';

export const MAIN = '111111111111';
export const DR = '222222222222';
export const OTHER = '333333333333';
export const NOW = 1_767_225_600; // 2026-01-01T00:00:00Z

export const ARNS = {
  payments: `arn:aws:ecr:eu-west-1:${MAIN}:repository/team/payments`,
  paymentsDr: `arn:aws:ecr:us-east-1:${DR}:repository/team/payments`,
  big: `arn:aws:ecr:eu-west-1:${MAIN}:repository/team/big`,
  /** Generated, in the enhanced-scanning registry (Amazon Inspector). */
  scanned: `arn:aws:ecr:us-east-1:${DR}:repository/team/scanned`,
  tagged: `arn:aws:ecr:eu-west-1:${MAIN}:repository/team/tagged`,
  other: `arn:aws:ecr:eu-west-1:${OTHER}:repository/team/secret`,
  unconfigured: `arn:aws:ecr:eu-west-1:444444444444:repository/team/nowhere`,
};

const mainRegistry = { accountId: MAIN, region: 'eu-west-1' };

export const fixture: Fixture = {
  accounts: {
    AKIAMAINACCOUNT: MAIN,
    AKIADRACCOUNT: DR,
    AKIAOTHERACCOUNT: OTHER,
  },
  registries: [
    {
      ...mainRegistry,
      repositories: [
        hardenedRepositoryFixture('team/payments', mainRegistry, {
          lifecyclePolicy: {
            rules: [
              untaggedExpiryRule({
                description: 'expire untagged images after 14 days',
              }),
            ],
          },
          images: [
            {
              tags: ['1.0.0'],
              pushedAt: '2025-12-01T10:00:00Z',
              scan: {
                findings: [
                  {
                    id: 'CVE-2024-0001',
                    severity: 'CRITICAL',
                    package: 'openssl',
                    version: '3.0.1',
                    fixedIn: '3.0.13',
                    cvss: 9.8,
                  },
                  {
                    id: 'CVE-2024-0002',
                    severity: 'LOW',
                    package: 'zlib',
                    version: '1.2.11',
                  },
                ],
              },
            },
            {
              kind: 'signature',
              subject: '1.0.0',
              pushedAt: '2025-12-01T10:01:00Z',
            },
            {
              tags: ['2.0.0'],
              pushedAt: '2025-12-10T10:00:00Z',
              scan: { findings: [] },
            },
            {
              pushedAt: '2025-12-11T10:00:00Z',
              scan: {
                findings: [
                  {
                    id: 'CVE-2024-0009',
                    severity: 'HIGH',
                    package: 'curl',
                    version: '8.0',
                  },
                ],
              },
            },
            {
              kind: 'helm',
              tags: ['chart-1.0.0'],
              pushedAt: '2025-12-12T10:00:00Z',
            },
            {
              kind: 'index',
              tags: ['3.0.0'],
              pushedAt: '2025-12-13T10:00:00Z',
              platforms: ['linux/amd64', 'linux/arm64/v8'],
              // Applies to each platform manifest; ECR does not scan the index itself.
              scan: {
                findings: [
                  {
                    id: 'CVE-2024-0100',
                    severity: 'MEDIUM',
                    package: 'musl',
                    version: '1.2.3',
                    fixedIn: '1.2.4',
                  },
                ],
              },
            },
          ],
        }),
        { name: 'team/big', generate: { count: 10_000, seed: 11 } },
        { name: 'team/tagged', tags: { service: 'payments' }, images: [] },
      ],
    },
    {
      accountId: DR,
      region: 'us-east-1',
      scanType: 'ENHANCED',
      scanningRules: [
        { scanFrequency: 'CONTINUOUS_SCAN', filters: ['team/*'] },
      ],
      repositories: [
        {
          name: 'team/payments',
          images: [
            {
              tags: ['1.0.0'],
              pushedAt: '2025-12-01T10:00:00Z',
              scan: {
                findings: [
                  {
                    id: 'CVE-2024-6387',
                    severity: 'HIGH',
                    package: 'openssh',
                    version: '9.6p1',
                    fixedIn: '9.8p1',
                    cvss: 8.1,
                    exploitAvailable: true,
                    description: 'regreSSHion',
                  },
                  {
                    id: 'CVE-2023-1111',
                    severity: 'UNTRIAGED',
                    package: 'bash',
                    version: '5.2',
                  },
                ],
              },
            },
          ],
        },
        { name: 'team/scanned', generate: { count: 1_200, seed: 5 } },
      ],
    },
    {
      accountId: OTHER,
      region: 'eu-west-1',
      repositories: [{ name: 'team/secret', images: [] }],
    },
  ],
};
