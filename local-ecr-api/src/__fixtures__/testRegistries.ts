import { createHash } from 'node:crypto';
import { MEDIA_TYPES } from '../mediaTypes';
import type {
  FindingRecord,
  ImageRecord,
  RepositoryRecord,
  ScanRecord,
  Severity,
} from '../model';
import { Registry } from '../Registry';

/**
 * Registries for the tests in `src/inspector` (and for the server's, if it wants them): a
 * small one with every kind of image Inspector treats differently, and a bulk one for paging.
 */

export const ACCOUNT_ID = '111122223333';
export const REGION = 'eu-west-1';

/** A well-formed `sha256:<64 hex>` digest named after `label`. */
export function digestOf(label: string): string {
  return `sha256:${createHash('sha256').update(label).digest('hex')}`;
}

/** One finding of each severity Amazon Inspector reports. */
export const INSPECTOR_SEVERITIES: readonly Severity[] = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'INFORMATIONAL',
  'UNTRIAGED',
];

export function findingsOf(...severities: Severity[]): FindingRecord[] {
  return severities.map((severity, i) => ({
    id: `CVE-2024-${1000 + i}`,
    severity,
    packageName: `pkg-${i}`,
    packageVersion: '1.0.0',
    description: `pkg-${i} 1.0.0 is affected by CVE-2024-${1000 + i}.`,
  }));
}

export function scanned(
  findings: FindingRecord[],
  completedAt: number,
  status: ScanRecord['status'] = 'COMPLETE',
): ScanRecord {
  return { status, completedAt, findings };
}

export function imageOf(
  label: string,
  overrides: Partial<ImageRecord> = {},
): ImageRecord {
  return {
    imageDigest: digestOf(label),
    imageTags: [],
    imageSizeInBytes: 1_000_000,
    imagePushedAt: 1_000,
    imageManifestMediaType: MEDIA_TYPES.ociManifest,
    artifactMediaType: MEDIA_TYPES.ociImageConfig,
    imageStatus: 'ACTIVE',
    ...overrides,
  };
}

export function addRepository(
  registry: Registry,
  repositoryName: string,
  images: ImageRecord[],
): RepositoryRecord {
  const repository: RepositoryRecord = {
    repositoryName,
    createdAt: 500,
    imageTagMutability: 'MUTABLE',
    scanOnPush: false,
    encryptionType: 'AES256',
    tags: [],
    images: new Map(images.map(image => [image.imageDigest, image])),
  };
  registry.repositories.set(repositoryName, repository);
  return repository;
}

/**
 * `team/payments` (continuous): a tagged image with findings of every severity, an index with
 * amd64 and arm64 manifests, a signature referrer, an unscanned image and a clean image.
 * `team/payments-worker` matches both rules (continuous wins). `edge-proxy` is scan on push,
 * with a scanned, an in-progress, an archived and a failed image. `legacy` matches no rule.
 */
export function sampleRegistry(
  scanType: 'BASIC' | 'ENHANCED' = 'ENHANCED',
  region = REGION,
): Registry {
  const registry = new Registry(ACCOUNT_ID, region);
  registry.settings.scanType = scanType;
  registry.settings.scanningRules = [
    {
      scanFrequency: 'CONTINUOUS_SCAN',
      repositoryFilters: [{ filter: 'team/*', filterType: 'WILDCARD' }],
    },
    {
      scanFrequency: 'SCAN_ON_PUSH',
      repositoryFilters: [
        { filter: 'team/payments-worker', filterType: 'WILDCARD' },
        { filter: 'edge', filterType: 'WILDCARD' },
      ],
    },
  ];
  const amd64 = imageOf('multi-amd64', {
    scan: scanned(findingsOf('HIGH', 'HIGH'), 1_200, 'ACTIVE'),
  });
  const arm64 = imageOf('multi-arm64', {
    scan: scanned(findingsOf('CRITICAL', 'LOW'), 1_210, 'ACTIVE'),
  });
  addRepository(registry, 'team/payments', [
    imageOf('app', {
      imageTags: ['1.0.0', 'latest'],
      lastRecordedPullTime: 5_000,
      scan: scanned(findingsOf('CRITICAL', ...INSPECTOR_SEVERITIES), 1_100),
    }),
    imageOf('multi', {
      imageTags: ['2.0.0'],
      imageManifestMediaType: MEDIA_TYPES.ociIndex,
      artifactMediaType: undefined,
      manifests: [
        {
          digest: amd64.imageDigest,
          mediaType: MEDIA_TYPES.ociManifest,
          size: 1_000,
          platform: { architecture: 'amd64', os: 'linux' },
        },
        {
          digest: arm64.imageDigest,
          mediaType: MEDIA_TYPES.ociManifest,
          size: 1_001,
          platform: { architecture: 'arm64', os: 'linux' },
        },
      ],
    }),
    amd64,
    arm64,
    imageOf('app-sig', {
      artifactMediaType: MEDIA_TYPES.cosignSignature,
      subjectManifestDigest: digestOf('app'),
      scan: { status: 'UNSUPPORTED_IMAGE', findings: [] },
    }),
    imageOf('dev', { imageTags: ['dev'] }),
    imageOf('clean', { imageTags: ['clean'], scan: scanned([], 1_300) }),
  ]);
  addRepository(registry, 'team/payments-worker', [
    imageOf('worker', {
      imageTags: ['w1'],
      scan: scanned(findingsOf('MEDIUM', 'MEDIUM', 'MEDIUM'), 1_400),
    }),
  ]);
  addRepository(registry, 'edge-proxy', [
    imageOf('edge', {
      imageTags: ['e1'],
      scan: scanned(findingsOf('HIGH'), 1_500),
    }),
    imageOf('edge-new', { scan: { status: 'IN_PROGRESS', findings: [] } }),
    imageOf('edge-old', {
      imageStatus: 'ARCHIVED',
      scan: scanned(findingsOf('CRITICAL'), 1_050),
    }),
    imageOf('edge-broken', { scan: { status: 'FAILED', findings: [] } }),
  ]);
  addRepository(registry, 'legacy', [
    imageOf('old', {
      imageTags: ['old'],
      scan: scanned(findingsOf('CRITICAL'), 900),
    }),
  ]);
  return registry;
}

/** One continuously scanned repository with `count` images, each with one HIGH finding. */
export function bulkRegistry(count: number): Registry {
  const registry = new Registry(ACCOUNT_ID, REGION);
  registry.settings.scanType = 'ENHANCED';
  registry.settings.scanningRules = [
    {
      scanFrequency: 'CONTINUOUS_SCAN',
      repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }],
    },
  ];
  addRepository(
    registry,
    'bulk/app',
    Array.from({ length: count }, (_, i) =>
      imageOf(`bulk-${i}`, {
        imageTags: [`v${i}`],
        scan: scanned(findingsOf('HIGH'), 2_000 + i),
      }),
    ),
  );
  return registry;
}
