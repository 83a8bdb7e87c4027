import type {
  EcrScanSummary,
  ImageStatus,
} from '@ecr-kit/backstage-plugin-ecr-common';

/** An image as cached from DescribeImages (compact, JSON-serializable). */
export interface ImageRecord {
  digest: string;
  tags: string[];
  size?: number;
  pushedAt?: string;
  lastPulledAt?: string;
  manifestMediaType?: string;
  artifactMediaType?: string;
  subjectDigest?: string;
  status: ImageStatus;
  /** Only where the registry still returns scan data in DescribeImages (legacy basic). */
  scan?: EcrScanSummary;
}

/** A platform manifest listed by an image index. */
export interface IndexChild {
  digest: string;
  /** `os/architecture[/variant]`, e.g. `linux/arm64`. */
  platform?: string;
}

/** Everything in a repository, as cached: every image and the platforms of every index. */
export interface ImageInventory {
  images: ImageRecord[];
  /** Index digest → the platform manifests it lists. */
  indexChildren: Record<string, IndexChild[]>;
}
