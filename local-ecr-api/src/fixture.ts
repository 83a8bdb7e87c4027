import { readFileSync } from 'node:fs';
import { formatArn } from '@ecr-kit/ecr-standard';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { EcrApiError } from './EcrApiError';
import { generateImages } from './generateImages';
import { validateLifecyclePolicy } from './lifecycle';
import { MEDIA_TYPES } from './mediaTypes';
import { checkShape } from './model/checkShape';
import { ECR_MODEL } from './model/serviceModels';
import {
  BASIC_SEVERITIES,
  ENCRYPTION_TYPES,
  REPOSITORY_CREATORS,
  SCAN_FREQUENCIES,
  TAG_MUTABILITIES,
  type ImageRecord,
  type RepositoryRecord,
  type Severity,
} from './model';
import { validatePolicyDocument } from './policies';
import { upstreamRegistryOf } from './pullThroughCacheOperations';
import { normalizePrefix } from './simulation/creationTemplates';
import { checkTags } from './validation/tagRules';
import type { World } from './world/OperationContext';

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

/** Basic scanning's severities and Amazon Inspector's UNTRIAGED (see {@link Severity}). */
const FINDING_SEVERITIES: [Severity, ...Severity[]] = [
  'UNTRIAGED',
  ...BASIC_SEVERITIES,
];

const finding = z.object({
  id: z.string().min(1),
  severity: z.enum(FINDING_SEVERITIES),
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

/** An image of an upstream registry (same fields as a repository's images). */
export const upstreamImageSchema = image;

/** A name or prefix the ECR model accepts for `shape` (repository names, template prefixes). */
function modelString(shape: string) {
  return z.string().superRefine((value, ctx) => {
    const [violation] = checkShape(ECR_MODEL, shape, value, 'input');
    if (violation) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `${violation.constraint} (ECR's ${shape})`,
      });
    }
  });
}

const repository = z.object({
  name: modelString('RepositoryName'),
  createdAt: time.optional(),
  imageTagMutability: z.enum(TAG_MUTABILITIES).default('MUTABLE'),
  imageTagMutabilityExclusionFilters: z.array(z.string()).optional(),
  scanOnPush: z.boolean().default(false),
  encryption: z
    .object({
      type: z.enum(ENCRYPTION_TYPES),
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
        scanFrequency: z.enum(SCAN_FREQUENCIES),
        filters: z.array(z.string()).default(['*']),
      }),
    )
    .default([]),
  pullThroughCacheRules: z
    .array(
      z.object({
        ecrRepositoryPrefix: modelString(
          'PullThroughCacheRuleRepositoryPrefix',
        ),
        upstreamRegistryUrl: z
          .string()
          .refine(
            url => upstreamRegistryOf(url) !== undefined,
            'is not an upstream registry ECR supports for pull through cache',
          ),
        credentialArn: z.string().optional(),
        customRoleArn: z.string().optional(),
        upstreamRepositoryPrefix: z.string().optional(),
      }),
    )
    .default([]),
  /** Repository creation templates (CreateRepositoryCreationTemplate's members). */
  creationTemplates: z
    .array(
      z.object({
        prefix: modelString('Prefix'),
        appliedFor: z.array(z.enum(REPOSITORY_CREATORS)).min(1),
        description: z.string().optional(),
        imageTagMutability: z.enum(TAG_MUTABILITIES).optional(),
        encryption: z
          .object({
            type: z.enum(ENCRYPTION_TYPES),
            kmsKey: z.string().optional(),
          })
          .optional(),
        resourceTags: z.record(z.string()).default({}),
        repositoryPolicy: z
          .union([z.string(), z.record(z.unknown())])
          .optional(),
        lifecyclePolicy: z
          .union([z.string(), z.record(z.unknown())])
          .optional(),
        customRoleArn: z.string().optional(),
      }),
    )
    .default([]),
  /** The registry's replication rules (PutReplicationConfiguration). */
  replicationRules: z
    .array(
      z.object({
        destinations: z.array(
          z.object({
            region: z.string(),
            registryId: z
              .string()
              .regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
          }),
        ),
        /** Repository name prefixes (PREFIX_MATCH); none replicates every repository. */
        filters: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  registryPolicy: z.union([z.string(), z.record(z.unknown())]).optional(),
  /** Secrets Manager secrets of this account and Region (names or ARNs); `valid: false` = the upstream rejects them. */
  secrets: z
    .array(
      z.object({ name: z.string().min(1), valid: z.boolean().default(true) }),
    )
    .default([]),
  /** KMS keys of this account and Region (ARNs) that repositories may use. */
  kmsKeys: z.array(z.string()).default([]),
  repositories: z.array(repository).default([]),
});

const simulatedAction = z.object({
  accountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
  region: z.string().min(2),
  repositoryName: z.string().min(2),
  accessKeyId: z.string().optional(),
  principalArn: z.string().optional(),
});

/**
 * The fixture file format: see the package README.
 *
 * @public
 */
export const fixtureSchema = z.object({
  /** Access key id → account id. */
  accounts: z
    .record(z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'))
    .default({}),
  /** Access key id → IAM principal, its account and the actions its identity policies allow. */
  principals: z
    .record(
      z.object({
        accountId: z
          .string()
          .regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
        arn: z
          .string()
          .regex(
            /^arn:aws[a-z-]*:(iam|sts)::\d{12}:.+$/,
            'must be an IAM or STS principal ARN',
          ),
        allow: z.array(z.string()).default([]),
      }),
    )
    .default({}),
  /** Upstream registries that pull-through-cache rules read from (by host, e.g. `public.ecr.aws`). */
  upstreams: z
    .array(
      z.object({
        url: z.string().min(1),
        repositories: z.array(
          z.object({ name: z.string().min(1), images: z.array(image).min(1) }),
        ),
      }),
    )
    .default([]),
  registries: z.array(registry).default([]),
  /**
   * Pulls and pushes to play out once the registries are loaded, in order — so a seed can
   * start with repositories ECR created itself (pull through cache, replication, create on
   * push). Same fields as `simulate.pull` / `simulate.push`.
   */
  playOut: z
    .array(
      z.union([
        z
          .object({
            pull: simulatedAction.extend({
              tag: z.string().optional(),
              digest: z.string().optional(),
            }),
          })
          .strict(),
        z
          .object({
            push: simulatedAction.extend({
              tag: z.string().optional(),
              platforms: z.array(z.string()).optional(),
              revision: z.string().optional(),
            }),
          })
          .strict(),
      ]),
    )
    .default([]),
});

/** @public */
export type Fixture = z.input<typeof fixtureSchema>;

/**
 * Thrown for an invalid fixture; the message lists each bad field and what it must be.
 *
 * @public
 */
export class FixtureError extends Error {
  constructor(source: string, issues: string[]) {
    super(
      `Invalid local ECR fixture ${source}:\n${issues.map(i => `  - ${i}`).join('\n')}`,
    );
    this.name = 'FixtureError';
  }
}

/**
 * Validates a fixture object (e.g. parsed JSON).
 *
 * @public
 */
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

/**
 * Reads and validates a fixture JSON file.
 *
 * @public
 */
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

/**
 * Image records for fixture images. `scanType` says who reports their findings: basic
 * scanning has no UNTRIAGED severity (that is Amazon Inspector's), so a basic registry's seed
 * cannot use it; upstream images may carry any.
 */
export function imagesFromSpecs(
  repositoryName: string,
  images: FixtureImage[],
  scanType: 'BASIC' | 'ENHANCED' | 'upstream',
): ImageRecord[] {
  const records: ImageRecord[] = [];
  images.forEach((spec, index) => {
    if (
      scanType === 'BASIC' &&
      spec.scan?.findings.some(f => f.severity === 'UNTRIAGED')
    ) {
      throw new FixtureError(repositoryName, [
        `images[${index}].scan.findings: severity UNTRIAGED is Amazon Inspector's; basic scanning reports CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL or UNDEFINED`,
      ]);
    }
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
          imageSizeInBytes: spec.sizeInBytes,
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

/** ECR's own check of a seeded setting, reported as a fixture error naming the field. */
function checked<T>(where: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof EcrApiError) {
      throw new FixtureError(where, [`${error.type}: ${error.message}`]);
    }
    throw error;
  }
}

/** The access keys a fixture declares, for the server's callers. */
export interface SeededCallers {
  readonly accounts: Record<string, string>;
  readonly principals: Record<
    string,
    { accountId: string; arn: string; allow: string[] }
  >;
}

/**
 * Loads a validated fixture into the world. Every seeded setting passes the checks ECR
 * applies through its API (names, tags, lifecycle and IAM policies, pull-through-cache
 * upstreams), so a seed cannot hold what ECR would refuse.
 */
export function loadFixture(
  world: World,
  fixture: ReturnType<typeof parseFixture>,
  options: { now: number; seed: number },
): SeededCallers {
  for (const upstream of fixture.upstreams) {
    for (const repo of upstream.repositories) {
      world.upstreams.add(
        upstream.url,
        repo.name,
        imagesFromSpecs(
          `${upstream.url}/${repo.name}`,
          repo.images,
          'upstream',
        ),
      );
    }
  }
  fixture.registries.forEach((spec, r) => {
    const at = `registries[${r}]`;
    const registry = world.store.get(spec.accountId, spec.region);
    const arnOf = (service: string, resource: string) =>
      formatArn({
        service,
        region: spec.region,
        accountId: spec.accountId,
        resource,
      });
    for (const secret of spec.secrets) {
      world.resources.putSecret(
        secret.name.startsWith('arn:')
          ? secret.name
          : arnOf('secretsmanager', `secret:${secret.name}`),
        secret.valid,
      );
    }
    for (const key of spec.kmsKeys) world.resources.putKmsKey(key);
    const registryPolicy = policyText(spec.registryPolicy);
    if (registryPolicy) {
      checked(`${at}.registryPolicy`, () =>
        validatePolicyDocument(registryPolicy, 'registry'),
      );
    }
    Object.assign(registry.settings, {
      scanType: spec.scanType,
      basicScanFlavor: spec.basicScanFlavor,
      registryPolicyText: registryPolicy,
      scanningRules: spec.scanningRules.map(rule => ({
        scanFrequency: rule.scanFrequency,
        repositoryFilters: rule.filters.map(filter => ({
          filter,
          filterType: 'WILDCARD' as const,
        })),
      })),
      pullThroughCacheRules: spec.pullThroughCacheRules.map(rule => ({
        ...rule,
        ecrRepositoryPrefix: normalizePrefix(rule.ecrRepositoryPrefix),
        upstreamRegistry: upstreamRegistryOf(rule.upstreamRegistryUrl)!,
        createdAt: options.now,
      })),
      replicationRules: spec.replicationRules.map(rule => ({
        destinations: rule.destinations,
        ...(rule.filters.length
          ? {
              repositoryFilters: rule.filters.map(filter => ({
                filter,
                filterType: 'PREFIX_MATCH' as const,
              })),
            }
          : {}),
      })),
    });
    spec.creationTemplates.forEach((template, t) => {
      const where = `${at}.creationTemplates[${t}]`;
      const lifecyclePolicy = policyText(template.lifecyclePolicy);
      const repositoryPolicy = policyText(template.repositoryPolicy);
      const resourceTags = Object.entries(template.resourceTags).map(
        ([Key, Value]) => ({ Key, Value }),
      );
      checked(where, () => {
        checkTags(resourceTags);
        if (lifecyclePolicy) validateLifecyclePolicy(lifecyclePolicy);
        if (repositoryPolicy)
          validatePolicyDocument(repositoryPolicy, 'repository');
      });
      const prefix = normalizePrefix(template.prefix);
      registry.settings.creationTemplates.set(prefix, {
        prefix,
        description: template.description,
        appliedFor: template.appliedFor,
        imageTagMutability: template.imageTagMutability,
        encryptionConfiguration: template.encryption
          ? {
              encryptionType: template.encryption.type,
              ...(template.encryption.kmsKey
                ? { kmsKey: template.encryption.kmsKey }
                : {}),
            }
          : undefined,
        resourceTags,
        repositoryPolicy,
        lifecyclePolicy,
        customRoleArn: template.customRoleArn,
        createdAt: options.now,
        updatedAt: options.now,
      });
    });
    spec.repositories.forEach((repo, i) => {
      const where = `${at}.repositories[${i}]`;
      const images = [
        ...imagesFromSpecs(repo.name, repo.images, spec.scanType),
        ...(repo.generate
          ? generateImages({
              repositoryName: repo.name,
              count: repo.generate.count,
              seed: repo.generate.seed ?? options.seed,
              now: options.now,
              scanType: spec.scanType,
            })
          : []),
      ];
      const tags = Object.entries(repo.tags).map(([Key, Value]) => ({
        Key,
        Value,
      }));
      const lifecyclePolicyText = policyText(repo.lifecyclePolicy);
      const repositoryPolicyText = policyText(repo.repositoryPolicy);
      checked(where, () => {
        checkTags(tags);
        if (lifecyclePolicyText) validateLifecyclePolicy(lifecyclePolicyText);
        if (repositoryPolicyText)
          validatePolicyDocument(repositoryPolicyText, 'repository');
      });
      const kmsKey =
        repo.encryption.type === 'AES256'
          ? undefined
          : (repo.encryption.kmsKey ?? arnOf('kms', 'alias/aws/ecr'));
      if (kmsKey) world.resources.putKmsKey(kmsKey);
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
        kmsKey,
        tags,
        lifecyclePolicyText,
        repositoryPolicyText,
        images: new Map(images.map(i => [i.imageDigest, i])),
      };
      registry.repositories.set(repo.name, record);
    });
  });
  return { accounts: fixture.accounts, principals: fixture.principals };
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
