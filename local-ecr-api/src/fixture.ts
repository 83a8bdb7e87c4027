import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { generateImages } from './generateImages';
import { MEDIA_TYPES } from './mediaTypes';
import type { ImageRecord, RepositoryRecord } from './model';
import type { RegistryStore } from './Registry';

const TIME_MESSAGE =
  'must be an ISO 8601 date-time such as 2025-12-01T10:00:00Z, or epoch seconds';
const time = z
  .union([
    z.number({ message: TIME_MESSAGE }).nonnegative(TIME_MESSAGE),
    z.string().datetime({ offset: true, message: TIME_MESSAGE }),
  ])
  .transform(value =>
    typeof value === 'number' ? value : Math.floor(Date.parse(value) / 1000),
  );

const finding = z.object({
  id: z.string().min(1),
  severity: z.enum([
    'CRITICAL',
    'HIGH',
    'MEDIUM',
    'LOW',
    'INFORMATIONAL',
    'UNDEFINED',
    'UNTRIAGED',
  ]),
  package: z.string().min(1),
  version: z.string().min(1),
  fixedIn: z.string().optional(),
  cvss: z.number().min(0).max(10).optional(),
  exploitAvailable: z.boolean().optional(),
  description: z.string().default(''),
});

const scan = z.object({
  status: z
    .enum([
      'IN_PROGRESS',
      'COMPLETE',
      'FAILED',
      'UNSUPPORTED_IMAGE',
      'ACTIVE',
      'PENDING',
      'SCAN_ELIGIBILITY_EXPIRED',
      'FINDINGS_UNAVAILABLE',
    ])
    .default('COMPLETE'),
  description: z.string().optional(),
  completedAt: time.optional(),
  findings: z.array(finding).default([]),
});

const KINDS = [
  'image',
  'index',
  'helm',
  'signature',
  'sbom',
  'attestation',
] as const;

const image = z.object({
  kind: z.enum(KINDS).default('image'),
  digest: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/, 'must be sha256: and 64 hex digits')
    .optional(),
  tags: z
    .array(
      z
        .string()
        .regex(
          /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/,
          'is not a valid image tag',
        ),
    )
    .default([]),
  sizeInBytes: z.number().int().nonnegative().default(52_428_800),
  pushedAt: time,
  lastPulledAt: time.optional(),
  /** For kind "index": one child manifest per platform. */
  platforms: z.array(z.string()).default(['linux/amd64', 'linux/arm64']),
  /** For referrers: the tag or digest of the image they refer to. */
  subject: z.string().optional(),
  status: z.enum(['ACTIVE', 'ARCHIVED']).default('ACTIVE'),
  archivedAt: time.optional(),
  scan: scan.optional(),
});

const repository = z.object({
  name: z.string().min(2),
  createdAt: time.optional(),
  imageTagMutability: z
    .enum([
      'MUTABLE',
      'IMMUTABLE',
      'IMMUTABLE_WITH_EXCLUSION',
      'MUTABLE_WITH_EXCLUSION',
    ])
    .default('MUTABLE'),
  imageTagMutabilityExclusionFilters: z.array(z.string()).optional(),
  scanOnPush: z.boolean().default(false),
  encryption: z
    .object({
      type: z.enum(['AES256', 'KMS', 'KMS_DSSE']),
      kmsKey: z.string().optional(),
    })
    .default({ type: 'AES256' }),
  tags: z.record(z.string()).default({}),
  lifecyclePolicy: z.union([z.string(), z.record(z.unknown())]).optional(),
  repositoryPolicy: z.union([z.string(), z.record(z.unknown())]).optional(),
  images: z.array(image).default([]),
  generate: z
    .object({
      count: z.number().int().min(1).max(100_000),
      seed: z.number().int().optional(),
    })
    .optional(),
});

const registry = z.object({
  accountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
  region: z
    .string()
    .regex(
      /^[a-z]{2}(-[a-z]+)+-\d$/,
      'must be an AWS region such as eu-west-1',
    ),
  scanType: z.enum(['BASIC', 'ENHANCED']).default('BASIC'),
  basicScanFlavor: z.enum(['aws-native', 'legacy']).default('aws-native'),
  scanningRules: z
    .array(
      z.object({
        scanFrequency: z.enum(['SCAN_ON_PUSH', 'CONTINUOUS_SCAN', 'MANUAL']),
        filters: z.array(z.string()).default(['*']),
      }),
    )
    .default([]),
  pullThroughCacheRules: z
    .array(
      z.object({
        ecrRepositoryPrefix: z.string(),
        upstreamRegistryUrl: z.string(),
        upstreamRegistry: z.string().optional(),
        credentialArn: z.string().optional(),
      }),
    )
    .default([]),
  repositories: z.array(repository).default([]),
});

/** The fixture file format: see the package README. */
export const fixtureSchema = z.object({
  /** Access key id → account id. */
  accounts: z
    .record(z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'))
    .default({}),
  registries: z.array(registry).default([]),
});

export type Fixture = z.input<typeof fixtureSchema>;

/** Thrown for an invalid fixture; the message lists each bad field and what it must be. */
export class FixtureError extends Error {
  constructor(source: string, issues: string[]) {
    super(
      `Invalid local ECR fixture ${source}:\n${issues.map(i => `  - ${i}`).join('\n')}`,
    );
    this.name = 'FixtureError';
  }
}

/** Validates a fixture object (e.g. parsed JSON). */
export function parseFixture(input: unknown, source = '(inline)') {
  const result = fixtureSchema.safeParse(input);
  if (!result.success) {
    throw new FixtureError(
      source,
      result.error.issues.map(issue => {
        const path = issue.path
          .map(p => (typeof p === 'number' ? `[${p}]` : `.${p}`))
          .join('')
          .replace(/^\./, '');
        return `${path || '(root)'}: ${issue.message}`;
      }),
    );
  }
  return result.data;
}

/** Reads and validates a fixture JSON file. */
export function readFixtureFile(path: string) {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new FixtureError(path, [
      `cannot read it as JSON: ${(error as Error).message}`,
    ]);
  }
  return parseFixture(input, path);
}

function digestFor(...parts: (string | number)[]): string {
  return `sha256:${createHash('sha256').update(parts.join('/')).digest('hex')}`;
}

type FixtureImage = z.output<typeof image>;

function imagesFrom(
  repositoryName: string,
  images: FixtureImage[],
): ImageRecord[] {
  const records: ImageRecord[] = [];
  images.forEach((spec, index) => {
    const digest =
      spec.digest ?? digestFor(repositoryName, index, spec.tags.join(','));
    const scanRecord = spec.scan && {
      status: spec.scan.status,
      description: spec.scan.description,
      completedAt:
        spec.scan.completedAt ??
        (spec.scan.status === 'COMPLETE' ? spec.pushedAt + 120 : undefined),
      vulnerabilitySourceUpdatedAt: spec.pushedAt,
      findings: spec.scan.findings.map(f => ({
        id: f.id,
        severity: f.severity,
        packageName: f.package,
        packageVersion: f.version,
        fixedInVersion: f.fixedIn,
        cvssScore: f.cvss,
        exploitAvailable: f.exploitAvailable,
        description: f.description,
      })),
    };
    const common = {
      imageDigest: digest,
      imageTags: spec.tags,
      imageSizeInBytes: spec.sizeInBytes,
      imagePushedAt: spec.pushedAt,
      lastRecordedPullTime: spec.lastPulledAt,
      imageStatus: spec.status,
      lastArchivedAt:
        spec.status === 'ARCHIVED'
          ? (spec.archivedAt ?? spec.pushedAt)
          : undefined,
      scan: scanRecord,
    };
    const subject = spec.subject
      ? records.find(
          r =>
            r.imageDigest === spec.subject ||
            r.imageTags.includes(spec.subject!),
        )
      : undefined;
    switch (spec.kind) {
      case 'index': {
        const children = spec.platforms.map(platform => ({
          ...common,
          imageDigest: digestFor(digest, platform),
          imageTags: [],
          imageSizeInBytes: Math.floor(
            spec.sizeInBytes / spec.platforms.length,
          ),
          imageManifestMediaType: MEDIA_TYPES.ociManifest,
          artifactMediaType: MEDIA_TYPES.ociImageConfig,
        }));
        records.push(
          {
            ...common,
            imageManifestMediaType: MEDIA_TYPES.ociIndex,
            manifests: children.map((child, i) => ({
              digest: child.imageDigest,
              mediaType: child.imageManifestMediaType,
              size: 1_000 + i,
              platform: platformOf(spec.platforms[i]),
            })),
            scan: undefined,
          },
          ...children,
        );
        return;
      }
      case 'helm':
        records.push({
          ...common,
          imageManifestMediaType: MEDIA_TYPES.ociManifest,
          artifactMediaType: MEDIA_TYPES.helmChart,
        });
        return;
      case 'signature':
      case 'sbom':
      case 'attestation':
        if (!subject) {
          throw new FixtureError(repositoryName, [
            `images[${index}].subject: a ${spec.kind} needs the tag or digest of an earlier image in the repository`,
          ]);
        }
        records.push({
          ...common,
          imageManifestMediaType: MEDIA_TYPES.ociManifest,
          artifactMediaType:
            spec.kind === 'signature'
              ? MEDIA_TYPES.cosignSignature
              : spec.kind === 'sbom'
                ? MEDIA_TYPES.spdxSbom
                : MEDIA_TYPES.inTotoAttestation,
          subjectManifestDigest: subject.imageDigest,
        });
        return;
      default:
        records.push({
          ...common,
          imageManifestMediaType: MEDIA_TYPES.ociManifest,
          artifactMediaType: MEDIA_TYPES.ociImageConfig,
        });
    }
  });
  return records;
}

function policyText(
  policy: string | Record<string, unknown> | undefined,
): string | undefined {
  return policy === undefined || typeof policy === 'string'
    ? policy
    : JSON.stringify(policy);
}

/** Loads a validated fixture into the store. Returns the access-key → account map. */
export function loadFixture(
  store: RegistryStore,
  fixture: ReturnType<typeof parseFixture>,
  options: { now: number; seed: number },
): Record<string, string> {
  for (const spec of fixture.registries) {
    const registry = store.get(spec.accountId, spec.region);
    Object.assign(registry.settings, {
      scanType: spec.scanType,
      basicScanFlavor: spec.basicScanFlavor,
      scanningRules: spec.scanningRules.map(rule => ({
        scanFrequency: rule.scanFrequency,
        repositoryFilters: rule.filters.map(filter => ({
          filter,
          filterType: 'WILDCARD' as const,
        })),
      })),
      pullThroughCacheRules: spec.pullThroughCacheRules.map(rule => ({
        ...rule,
        createdAt: options.now,
      })),
    });
    for (const repo of spec.repositories) {
      const images = [
        ...imagesFrom(repo.name, repo.images),
        ...(repo.generate
          ? generateImages({
              repositoryName: repo.name,
              count: repo.generate.count,
              seed: repo.generate.seed ?? options.seed,
              now: options.now,
            })
          : []),
      ];
      const record: RepositoryRecord = {
        repositoryName: repo.name,
        createdAt:
          repo.createdAt ??
          images.reduce(
            (oldest, i) => Math.min(oldest, i.imagePushedAt),
            options.now,
          ),
        imageTagMutability: repo.imageTagMutability,
        imageTagMutabilityExclusionFilters:
          repo.imageTagMutabilityExclusionFilters?.map(filter => ({
            filterType: 'WILDCARD' as const,
            filter,
          })),
        scanOnPush: repo.scanOnPush,
        encryptionType: repo.encryption.type,
        kmsKey:
          repo.encryption.type === 'AES256'
            ? undefined
            : (repo.encryption.kmsKey ??
              `arn:aws:kms:${spec.region}:${spec.accountId}:alias/aws/ecr`),
        tags: Object.entries(repo.tags).map(([Key, Value]) => ({ Key, Value })),
        lifecyclePolicyText: policyText(repo.lifecyclePolicy),
        repositoryPolicyText: policyText(repo.repositoryPolicy),
        images: new Map(images.map(i => [i.imageDigest, i])),
      };
      registry.repositories.set(repo.name, record);
    }
  }
  return fixture.accounts;
}

/** `linux/arm64/v8` → `{ os: 'linux', architecture: 'arm64', variant: 'v8' }`; a bare `arm64` means linux. */
function platformOf(platform: string): {
  os: string;
  architecture: string;
  variant?: string;
} {
  const parts = platform.split('/');
  if (parts.length === 1) return { os: 'linux', architecture: parts[0] };
  return {
    os: parts[0],
    architecture: parts[1],
    ...(parts[2] ? { variant: parts[2] } : {}),
  };
}
