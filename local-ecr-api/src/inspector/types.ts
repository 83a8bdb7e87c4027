import type { ImageRecord, RepositoryRecord } from '../model';

/** `StringFilter.comparison` of Inspector2 (aggregation requests, `accountIds`). */
export type StringComparison = 'EQUALS' | 'PREFIX' | 'NOT_EQUALS';

/** A `StringFilter` / `CoverageStringFilter` as the request carries it. */
export interface StringFilter {
  readonly comparison: StringComparison;
  readonly value: string;
}

/** A `DateFilter` / `CoverageDateFilter`, epoch seconds as restJson1 sends them. */
export interface DateFilter {
  readonly startInclusive?: number;
  readonly endInclusive?: number;
}

/** A `NumberFilter` / `CoverageNumberFilter`. */
export interface NumberFilter {
  readonly lowerInclusive?: number;
  readonly upperInclusive?: number;
}

/** `EcrScanFrequency`: what the registry's scanning rules give a repository. */
export type EcrScanFrequency = 'MANUAL' | 'SCAN_ON_PUSH' | 'CONTINUOUS_SCAN';

/** The `ScanStatusReason` values an ECR resource can have here. */
export type EcrScanStatusReason =
  | 'SUCCESSFUL'
  | 'PENDING_INITIAL_SCAN'
  | 'SCAN_IN_PROGRESS'
  | 'SCAN_FREQUENCY_MANUAL'
  | 'SCAN_FREQUENCY_SCAN_ON_PUSH'
  | 'SCAN_ELIGIBILITY_EXPIRED'
  | 'UNSUPPORTED_OS'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'IMAGE_ARCHIVED'
  | 'INTERNAL_ERROR';

/** Inspector2 `ScanStatus`. */
export interface InspectorScanStatus {
  readonly statusCode: 'ACTIVE' | 'INACTIVE';
  readonly reason: EcrScanStatusReason;
}

/** Inspector2 `SeverityCounts`. */
export interface InspectorSeverityCounts {
  readonly all: number;
  readonly critical: number;
  readonly high: number;
  readonly medium: number;
}

/** A container image as Inspector sees it: a manifest that is not an image index. */
export interface ContainerImage {
  readonly repository: RepositoryRecord;
  readonly image: ImageRecord;
  readonly scanFrequency: EcrScanFrequency;
  /** `arn:<partition>:ecr:<region>:<account>:repository/<name>/sha256:<hex>`. */
  readonly resourceId: string;
  readonly architecture: string;
}
