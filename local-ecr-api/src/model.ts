/**
 * Timestamps are epoch seconds, as on ECR's wire.
 *
 * @public
 */
export type EpochSeconds = number;

/**
 * Severities of stored findings. Basic scanning reports the ECR model's `FindingSeverity`
 * set (INFORMATIONAL…CRITICAL, UNDEFINED); `UNTRIAGED` is Amazon Inspector's (enhanced
 * scanning) and is only accepted for registries with enhanced scanning.
 *
 * @public
 */
export type Severity =
  | 'CRITICAL'
  | 'HIGH'
  | 'MEDIUM'
  | 'LOW'
  | 'INFORMATIONAL'
  | 'UNDEFINED'
  | 'UNTRIAGED';

/**
 * Severities that basic scanning (and `findingSeverityCounts`) can report.
 *
 * @public
 */
export const BASIC_SEVERITIES: readonly Severity[] = [
  'INFORMATIONAL',
  'LOW',
  'MEDIUM',
  'HIGH',
  'CRITICAL',
  'UNDEFINED',
];

/**
 * One vulnerability finding, stored once and rendered as a basic or an enhanced finding.
 *
 * @public
 */
export interface FindingRecord {
  id: string;
  severity: Severity;
  packageName: string;
  packageVersion: string;
  fixedInVersion?: string;
  cvssScore?: number;
  exploitAvailable?: boolean;
  description: string;
}

/** @public */
export type ScanStatus =
  | 'IN_PROGRESS'
  | 'COMPLETE'
  | 'FAILED'
  | 'UNSUPPORTED_IMAGE'
  | 'ACTIVE'
  | 'PENDING'
  | 'SCAN_ELIGIBILITY_EXPIRED'
  | 'FINDINGS_UNAVAILABLE'
  | 'LIMIT_EXCEEDED'
  | 'IMAGE_ARCHIVED';

/** @public */
export interface ScanRecord {
  status: ScanStatus;
  description?: string;
  completedAt?: EpochSeconds;
  vulnerabilitySourceUpdatedAt?: EpochSeconds;
  findings: FindingRecord[];
}

/** @public */
export type ImageStatus = 'ACTIVE' | 'ARCHIVED' | 'ACTIVATING';

/** @public */
export interface PlatformManifest {
  digest: string;
  mediaType: string;
  size: number;
  platform: { architecture: string; os: string; variant?: string };
}

/** @public */
export interface ImageRecord {
  imageDigest: string;
  imageTags: string[];
  imageSizeInBytes: number;
  imagePushedAt: EpochSeconds;
  lastRecordedPullTime?: EpochSeconds;
  imageManifestMediaType: string;
  artifactMediaType?: string;
  /** Set on referrers (signatures, SBOMs, attestations): the digest they refer to. */
  subjectManifestDigest?: string;
  imageStatus: ImageStatus;
  /** For an image index: the platform manifests it lists (served by BatchGetImage). */
  manifests?: PlatformManifest[];
  lastArchivedAt?: EpochSeconds;
  lastActivatedAt?: EpochSeconds;
  scan?: ScanRecord;
  /** The manifest document as pushed (PutImage); generated for seeded images. */
  manifest?: string;
  /** Per destination, how replication of this image went (source registry only). */
  replicationStatuses?: ReplicationStatusRecord[];
  /** Pull through cache: when the image was last synced with its upstream. */
  upstreamSyncedAt?: EpochSeconds;
  /** Set on images that arrived by replication (ECR does not replicate them again). */
  replicated?: boolean;
}

/** @public */
export interface ReplicationStatusRecord {
  region: string;
  registryId: string;
  status: 'IN_PROGRESS' | 'COMPLETE' | 'FAILED';
  failureCode?: string;
}

/**
 * Enum values the simulator's types and fixture use, as the ECR model lists them (a test
 * checks them against `model/ecr.constraints.json`).
 *
 * @public
 */
export const TAG_MUTABILITIES = [
  'MUTABLE',
  'IMMUTABLE',
  'IMMUTABLE_WITH_EXCLUSION',
  'MUTABLE_WITH_EXCLUSION',
] as const;
/** @public */
export const ENCRYPTION_TYPES = ['AES256', 'KMS', 'KMS_DSSE'] as const;
/** @public */
export const SCAN_FREQUENCIES = [
  'SCAN_ON_PUSH',
  'CONTINUOUS_SCAN',
  'MANUAL',
] as const;
/** @public */
export const REPOSITORY_CREATORS = [
  'REPLICATION',
  'PULL_THROUGH_CACHE',
  'CREATE_ON_PUSH',
] as const;

/** @public */
export type TagMutability = (typeof TAG_MUTABILITIES)[number];

/** @public */
export interface Tag {
  Key: string;
  Value: string;
}

/** @public */
export interface RepositoryRecord {
  repositoryName: string;
  createdAt: EpochSeconds;
  imageTagMutability: TagMutability;
  imageTagMutabilityExclusionFilters?: {
    filterType: 'WILDCARD';
    filter: string;
  }[];
  scanOnPush: boolean;
  encryptionType: (typeof ENCRYPTION_TYPES)[number];
  kmsKey?: string;
  tags: Tag[];
  lifecyclePolicyText?: string;
  lifecyclePolicyEvaluatedAt?: EpochSeconds;
  repositoryPolicyText?: string;
  /** Images by digest, in push order. */
  images: Map<string, ImageRecord>;
  /** Set when ECR created the repository on someone's behalf. */
  createdBy?: RepositoryCreator;
  /** For a pull-through-cache repository: the prefix of the rule that created it. */
  pullThroughCachePrefix?: string;
  /** The last StartLifecyclePolicyPreview, evaluated at once. */
  lifecyclePreview?: { policyText: string; evaluatedAt: EpochSeconds };
}

/**
 * Who made ECR create a repository: the `appliedFor` values of creation templates.
 *
 * @public
 */
export type RepositoryCreator = (typeof REPOSITORY_CREATORS)[number];

/** @public */
export interface ScanningRule {
  scanFrequency: (typeof SCAN_FREQUENCIES)[number];
  repositoryFilters: { filter: string; filterType: 'WILDCARD' }[];
}

/** @public */
export interface PullThroughCacheRuleRecord {
  ecrRepositoryPrefix: string;
  upstreamRegistryUrl: string;
  upstreamRegistry: string;
  credentialArn?: string;
  customRoleArn?: string;
  upstreamRepositoryPrefix?: string;
  createdAt: EpochSeconds;
  updatedAt?: EpochSeconds;
}

/** @public */
export interface CreationTemplateRecord {
  prefix: string;
  description?: string;
  encryptionConfiguration?: { encryptionType: string; kmsKey?: string };
  resourceTags: Tag[];
  imageTagMutability?: TagMutability;
  imageTagMutabilityExclusionFilters?: RepositoryRecord['imageTagMutabilityExclusionFilters'];
  repositoryPolicy?: string;
  lifecyclePolicy?: string;
  appliedFor: RepositoryCreator[];
  customRoleArn?: string;
  createdAt: EpochSeconds;
  updatedAt: EpochSeconds;
}

/** @public */
export interface ReplicationRule {
  destinations: { region: string; registryId: string }[];
  repositoryFilters?: { filter: string; filterType: 'PREFIX_MATCH' }[];
}

/**
 * Registry-wide settings of one (account, region).
 *
 * @public
 */
export interface RegistrySettings {
  scanType: 'BASIC' | 'ENHANCED';
  /**
   * Basic scanning flavour. `aws-native` (today's default) keeps scan status and
   * counts out of DescribeImages; `legacy` (Clair-based) still returns them there.
   */
  basicScanFlavor: 'aws-native' | 'legacy';
  scanningRules: ScanningRule[];
  replicationRules: ReplicationRule[];
  pullThroughCacheRules: PullThroughCacheRuleRecord[];
  /** Repository creation templates by prefix (`ROOT` for the registry-wide one). */
  creationTemplates: Map<string, CreationTemplateRecord>;
  registryPolicyText?: string;
}
