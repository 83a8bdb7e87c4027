import { EncryptionType, ScanType } from '@ecr-kit/ecr-standard';

/**
 * Severity of a vulnerability finding, most severe first.
 *
 * @public
 */
export const SEVERITIES = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'INFORMATIONAL',
  'UNDEFINED',
] as const;

/**
 * A finding severity; ECR's `UNTRIAGED` is reported as `UNDEFINED`.
 *
 * @public
 */
export type Severity = (typeof SEVERITIES)[number];

/**
 * Counts per severity; absent severities are 0.
 *
 * @public
 */
export type SeverityCounts = Partial<Record<Severity, number>>;

/**
 * What an image's manifest can be.
 *
 * @public
 */
export const ARTIFACT_KINDS = [
  'image',
  'image-index',
  'helm-chart',
  'signature',
  'sbom',
  'attestation',
  'other',
] as const;

/**
 * What an image's manifest is.
 *
 * @public
 */
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

/**
 * Scan state of an image as shown to users.
 *
 * @public
 */
export type ScanState =
  | 'COMPLETE'
  | 'IN_PROGRESS'
  | 'PENDING'
  | 'FAILED'
  | 'UNSUPPORTED'
  | 'NOT_SCANNED'
  | 'UNKNOWN'
  /** The backend could not read the scan (denied, throttled, timed out): see `unavailableReason`. */
  | 'UNAVAILABLE';

/**
 * How fresh a value served from cache is.
 *
 * @public
 */
export interface Freshness {
  /** ISO time the upstream data was fetched. */
  readonly fetchedAt: string;
  /** True when upstream failed and this is the last good value. */
  readonly stale: boolean;
  /** Present when stale: why the refresh failed. */
  readonly staleReason?: string;
  /**
   * True when the value is older than the cache TTL and a refresh is running in the
   * background (stale-while-revalidate); `fetchedAt` gives its age.
   */
  readonly refreshing?: boolean;
}

/**
 * Tag mutability of a repository, every value ECR reports (the standard itself only creates
 * some of them).
 *
 * @public
 */
export const TAG_MUTABILITY_MODES = [
  'MUTABLE',
  'IMMUTABLE',
  'IMMUTABLE_WITH_EXCLUSION',
  'MUTABLE_WITH_EXCLUSION',
] as const;

/**
 * Tag mutability of a repository.
 *
 * @public
 */
export type TagMutabilityMode = (typeof TAG_MUTABILITY_MODES)[number];

/**
 * Scan type of a repository's registry: the standard's scan types, or `UNKNOWN` when the
 * backend may not read the registry's scanning configuration.
 *
 * @public
 */
export const REPOSITORY_SCAN_TYPES = [
  ScanType.Basic,
  ScanType.Enhanced,
  'UNKNOWN',
] as const;

/**
 * Scan type of a repository's registry.
 *
 * @public
 */
export type RepositoryScanType = (typeof REPOSITORY_SCAN_TYPES)[number];

/**
 * Encryption of a repository: the standard's encryption types, and `KMS_DSSE` (dual-layer),
 * which ECR reports for repositories created outside the standard.
 *
 * @public
 */
export const REPOSITORY_ENCRYPTION_TYPES = [
  EncryptionType.Aes256,
  EncryptionType.Kms,
  'KMS_DSSE',
] as const;

/**
 * Encryption of a repository.
 *
 * @public
 */
export type RepositoryEncryptionType =
  (typeof REPOSITORY_ENCRYPTION_TYPES)[number];

/**
 * A repository of an entity with the settings a platform team cares about.
 *
 * @public
 */
export interface EcrRepositorySummary {
  readonly arn: string;
  readonly name: string;
  readonly uri: string;
  readonly accountId: string;
  readonly region: string;
  readonly createdAt?: string;
  readonly tagMutability: {
    readonly mode: TagMutabilityMode;
    readonly exclusionFilters: string[];
  };
  readonly scanning: {
    readonly type: RepositoryScanType;
    readonly scanOnPush: boolean;
    readonly continuous: boolean;
  };
  readonly encryption: {
    readonly type: RepositoryEncryptionType;
    readonly kmsKey?: string;
  };
  readonly lifecyclePolicy: {
    readonly present: boolean;
    readonly rules: string[];
  };
  readonly repositoryPolicyPresent: boolean;
  readonly imageCount: number;
  /** The repository in the AWS console (absent in partitions without a public console). */
  readonly consoleUrl?: string;
}

/** @public */
export interface EcrRepositoriesResponse {
  readonly repositories: EcrRepositorySummary[];
  /** Repositories the entity names that could not be read, with why. */
  readonly errors: { readonly arn: string; readonly message: string }[];
  readonly freshness: Freshness;
}

/**
 * Scan summary of one image.
 *
 * @public
 */
export interface EcrScanSummary {
  readonly state: ScanState;
  readonly description?: string;
  /** With state UNAVAILABLE: why the backend could not read it, in words a user can act on. */
  readonly unavailableReason?: string;
  readonly completedAt?: string;
  readonly counts?: SeverityCounts;
}

/**
 * Storage status of an image: `ARCHIVED` images are in the archive storage class,
 * `ACTIVATING` ones are being restored from it.
 *
 * @public
 */
export const IMAGE_STATUSES = ['ACTIVE', 'ARCHIVED', 'ACTIVATING'] as const;

/**
 * Storage status of an image.
 *
 * @public
 */
export type ImageStatus = (typeof IMAGE_STATUSES)[number];

/**
 * One image (or artifact) of a repository.
 *
 * @public
 */
export interface EcrImage {
  readonly digest: string;
  readonly tags: string[];
  readonly sizeInBytes?: number;
  readonly pushedAt?: string;
  readonly lastPulledAt?: string;
  readonly manifestMediaType?: string;
  readonly artifactMediaType?: string;
  readonly kind: ArtifactKind;
  readonly status: ImageStatus;
  /** Absent when not requested (children, referrers) or not fetched yet. */
  readonly scan?: EcrScanSummary;
  /** For a platform manifest of an image index: its platform, e.g. `linux/arm64`. */
  readonly platform?: string;
  /** Platform manifests of an image index, each with its `platform`. */
  readonly children: EcrImage[];
  /** Signatures, SBOMs and attestations that refer to this image. */
  readonly referrers: EcrImage[];
  /** The image's page in the AWS console, findings included (absent without a console). */
  readonly consoleUrl?: string;
}

/**
 * Fields the images endpoint sorts by.
 *
 * @public
 */
export const IMAGE_SORT_FIELDS = [
  'pushedAt',
  'lastPulledAt',
  'size',
  'tag',
] as const;

/** @public */
export type ImageSortField = (typeof IMAGE_SORT_FIELDS)[number];

/**
 * Directions the images endpoint sorts in.
 *
 * @public
 */
export const SORT_ORDERS = ['asc', 'desc'] as const;

/**
 * A sort direction.
 *
 * @public
 */
export type SortOrder = (typeof SORT_ORDERS)[number];

/**
 * Tag status filter of the images endpoint.
 *
 * @public
 */
export const TAG_STATUSES = ['TAGGED', 'UNTAGGED', 'ANY'] as const;

/** @public */
export type TagStatus = (typeof TAG_STATUSES)[number];

/**
 * Query of the images endpoint.
 *
 * @public
 */
export interface EcrImagesQuery {
  readonly page?: number;
  readonly pageSize?: number;
  readonly sort?: ImageSortField;
  readonly order?: SortOrder;
  readonly tag?: string;
  readonly tagStatus?: TagStatus;
  readonly minSeverity?: Severity;
  readonly kind?: ArtifactKind;
}

/**
 * What the images endpoint takes for a parameter left out: the first page of 25, newest
 * push first, tagged and untagged images.
 *
 * @public
 */
export const IMAGES_QUERY_DEFAULTS = {
  page: 1,
  pageSize: 25,
  sort: 'pushedAt',
  order: 'desc',
  tagStatus: 'ANY',
} as const satisfies Required<
  Pick<EcrImagesQuery, 'page' | 'pageSize' | 'sort' | 'order' | 'tagStatus'>
>;

/**
 * The longest `tag` search of the images endpoint (an OCI tag has at most 128 characters).
 *
 * @public
 */
export const MAX_TAG_SEARCH_LENGTH = 128;

/** @public */
export interface EcrImagesResponse {
  readonly repository: {
    readonly arn: string;
    readonly uri: string;
    readonly consoleUrl?: string;
  };
  readonly images: EcrImage[];
  readonly page: number;
  readonly pageSize: number;
  /** Top-level images (after grouping and filtering). */
  readonly totalCount: number;
  readonly freshness: Freshness;
  /**
   * With `minSeverity`: how many images' scan summaries were known when filtering
   * (images whose summary is not yet known are left out and counted here).
   */
  readonly severityFilter?: {
    readonly evaluated: number;
    readonly unknown: number;
  };
}

/**
 * The CVSS score a finding's severity comes from, with how it was computed.
 *
 * @public
 */
export interface EcrCvss {
  readonly score: number;
  /** e.g. `CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`. */
  readonly vector?: string;
  /** CVSS version, e.g. `3.1`. */
  readonly version?: string;
  /** Who scored it, e.g. `NVD`. */
  readonly source?: string;
}

/**
 * One package a finding affects (enhanced scanning can name several).
 *
 * @public
 */
export interface EcrVulnerablePackage {
  readonly name: string;
  readonly version?: string;
  readonly fixedInVersion?: string;
  /** e.g. `OS`, `NPM`, `JAR`, `GOMOD`. */
  readonly packageManager?: string;
  readonly arch?: string;
  /** Where in the image the package was found (language packages). */
  readonly filePath?: string;
}

/**
 * A vulnerability finding, basic and enhanced scanning normalized to one shape.
 *
 * @public
 */
export interface EcrFinding {
  readonly id: string;
  readonly severity: Severity;
  readonly packageName?: string;
  readonly installedVersion?: string;
  readonly fixedInVersion?: string;
  readonly fixAvailable: boolean;
  readonly cvssScore?: number;
  readonly exploitAvailable?: boolean;
  readonly description?: string;
  readonly referenceUrl?: string;
  // Details below: as far as the scanner reports them (enhanced scanning reports most).
  /** The finding's title, e.g. `CVE-2021-44228 - log4j-core`. */
  readonly title?: string;
  /** The CVSS score behind `cvssScore`, with its vector, version and source. */
  readonly cvss?: EcrCvss;
  /** What to do about it, in the scanner's words. */
  readonly remediation?: string;
  readonly remediationUrl?: string;
  /** ISO times the scanner first and last saw the finding in this image. */
  readonly firstObservedAt?: string;
  readonly lastObservedAt?: string;
  /** Advisories and vendor pages about the vulnerability (`referenceUrl` first). */
  readonly references?: string[];
  /** Every affected package with its version and fix (the first is `packageName`). */
  readonly packages?: EcrVulnerablePackage[];
}

/** @public */
export interface EcrFindingsResponse {
  readonly digest: string;
  /** The image's page in the AWS console, with its findings. */
  readonly consoleUrl?: string;
  readonly scan: EcrScanSummary;
  readonly findings: EcrFinding[];
  readonly freshness: Freshness;
}
