/** Timestamps are epoch seconds, as on ECR's wire. */
export type EpochSeconds = number;

export type Severity =
  | 'CRITICAL'
  | 'HIGH'
  | 'MEDIUM'
  | 'LOW'
  | 'INFORMATIONAL'
  | 'UNDEFINED'
  | 'UNTRIAGED';

/** One vulnerability finding, stored once and rendered as a basic or an enhanced finding. */
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

export type ScanStatus =
  | 'IN_PROGRESS'
  | 'COMPLETE'
  | 'FAILED'
  | 'UNSUPPORTED_IMAGE'
  | 'ACTIVE'
  | 'PENDING'
  | 'SCAN_ELIGIBILITY_EXPIRED'
  | 'FINDINGS_UNAVAILABLE';

export interface ScanRecord {
  status: ScanStatus;
  description?: string;
  completedAt?: EpochSeconds;
  vulnerabilitySourceUpdatedAt?: EpochSeconds;
  findings: FindingRecord[];
}

export type ImageStatus = 'ACTIVE' | 'ARCHIVED' | 'ACTIVATING';

export interface PlatformManifest {
  digest: string;
  mediaType: string;
  size: number;
  platform: { architecture: string; os: string; variant?: string };
}

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
}

export type TagMutability =
  | 'MUTABLE'
  | 'IMMUTABLE'
  | 'IMMUTABLE_WITH_EXCLUSION'
  | 'MUTABLE_WITH_EXCLUSION';

export interface Tag {
  Key: string;
  Value: string;
}

export interface RepositoryRecord {
  repositoryName: string;
  createdAt: EpochSeconds;
  imageTagMutability: TagMutability;
  imageTagMutabilityExclusionFilters?: {
    filterType: 'WILDCARD';
    filter: string;
  }[];
  scanOnPush: boolean;
  encryptionType: 'AES256' | 'KMS' | 'KMS_DSSE';
  kmsKey?: string;
  tags: Tag[];
  lifecyclePolicyText?: string;
  lifecyclePolicyEvaluatedAt?: EpochSeconds;
  repositoryPolicyText?: string;
  /** Images by digest, in push order. */
  images: Map<string, ImageRecord>;
}

export interface ScanningRule {
  scanFrequency: 'SCAN_ON_PUSH' | 'CONTINUOUS_SCAN' | 'MANUAL';
  repositoryFilters: { filter: string; filterType: 'WILDCARD' }[];
}

export interface PullThroughCacheRuleRecord {
  ecrRepositoryPrefix: string;
  upstreamRegistryUrl: string;
  upstreamRegistry?: string;
  credentialArn?: string;
  createdAt: EpochSeconds;
}

/** Registry-wide settings of one (account, region). */
export interface RegistrySettings {
  scanType: 'BASIC' | 'ENHANCED';
  /**
   * Basic scanning flavour. `aws-native` (today's default) keeps scan status and
   * counts out of DescribeImages; `legacy` (Clair-based) still returns them there.
   */
  basicScanFlavor: 'aws-native' | 'legacy';
  scanningRules: ScanningRule[];
  replicationRules: unknown[];
  pullThroughCacheRules: PullThroughCacheRuleRecord[];
  registryPolicyText?: string;
}
