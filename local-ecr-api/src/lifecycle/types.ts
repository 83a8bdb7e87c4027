/** `selection.tagStatus`: which images a rule looks at, by whether they carry tags. */
export type TagStatus = 'tagged' | 'untagged' | 'any';

/** `selection.countType`: how a rule decides which of its images to act on. */
export type CountType =
  | 'imageCountMoreThan'
  | 'sinceImagePushed'
  | 'sinceImagePulled'
  | 'sinceImageTransitioned';

/** `selection.storageClass`, in the policy's own lower-case spelling. */
export type LifecycleStorageClass = 'standard' | 'archive';

/** A rule's image selection, exactly as written in the policy (nothing defaulted). */
export interface LifecyclePolicySelection {
  readonly tagStatus: TagStatus;
  readonly tagPrefixList?: readonly string[];
  readonly tagPatternList?: readonly string[];
  /** Absent means `standard`. */
  readonly storageClass?: LifecycleStorageClass;
  readonly countType: CountType;
  readonly countUnit?: 'days';
  readonly countNumber: number;
}

/** What a rule does to the images it marks. */
export interface LifecyclePolicyAction {
  readonly type: 'expire' | 'transition';
  /** Present exactly when `type` is `transition`. */
  readonly targetStorageClass?: 'archive';
}

/** One rule of a lifecycle policy. */
export interface LifecyclePolicyRule {
  readonly rulePriority: number;
  readonly description?: string;
  readonly selection: LifecyclePolicySelection;
  readonly action: LifecyclePolicyAction;
}

/** A lifecycle policy that passed `validateLifecyclePolicy`; rules keep the order they were written in. */
export interface LifecyclePolicy {
  readonly rules: readonly LifecyclePolicyRule[];
}

/** What the preview needs to know about an image (times in epoch seconds, as ECR reports them). */
export interface PreviewImage {
  readonly imageDigest: string;
  readonly imageTags: readonly string[];
  readonly imagePushedAt: number;
  readonly lastRecordedPullTime?: number;
  readonly imageStatus: 'ACTIVE' | 'ARCHIVED' | 'ACTIVATING';
  readonly lastArchivedAt?: number;
  /** When the image was last restored from archive; ECR uses it in place of push and pull times. */
  readonly lastActivatedAt?: number;
}

/** One image a policy would act on: the API's `LifecyclePolicyPreviewResult`. */
export interface PreviewResult {
  readonly imageDigest: string;
  readonly imageTags: readonly string[];
  readonly imagePushedAt: number;
  readonly action: {
    readonly type: 'EXPIRE' | 'TRANSITION';
    readonly targetStorageClass?: 'ARCHIVE';
  };
  readonly appliedRulePriority: number;
  /** The storage class the image is in now. */
  readonly storageClass: 'STANDARD' | 'ARCHIVE';
}

/** How many images move to one storage class: the API's `TransitioningImageTotalCount`. */
export interface TransitioningImageTotalCount {
  readonly targetStorageClass: 'ARCHIVE';
  readonly imageTotalCount: number;
}

/** The API's `LifecyclePolicyPreviewSummary`. */
export interface PreviewSummary {
  readonly expiringImageTotalCount: number;
  /** Absent when no image would be transitioned, as in ECR's responses. */
  readonly transitioningImageTotalCounts?: readonly TransitioningImageTotalCount[];
}
