import type {
  EcrImage,
  SeverityCounts,
} from '@ecr-kit/backstage-plugin-ecr-common';

/** What the scans of a multi-arch index's platforms add up to (ECR scans platforms, not the index). */
export interface PlatformScans {
  /** Platforms of the index. */
  readonly total: number;
  /** Platforms with a complete scan. */
  readonly scanned: number;
  /** The highest count per severity over the scanned platforms (a CVE in two is one). */
  readonly worst?: SeverityCounts;
  /** No platform has been scanned at all. */
  readonly noneScanned: boolean;
}

/** The platforms' scans of an image index; undefined for anything else. */
export function platformScans(image: EcrImage): PlatformScans | undefined {
  if (image.kind !== 'image-index' || image.children.length === 0) {
    return undefined;
  }
  const complete = image.children
    .map(child => child.scan)
    .filter(scan => scan?.state === 'COMPLETE' && scan.counts);
  let worst: Record<string, number> | undefined;
  for (const scan of complete) {
    worst ??= {};
    for (const [severity, count] of Object.entries(scan!.counts!)) {
      worst[severity] = Math.max(worst[severity] ?? 0, count ?? 0);
    }
  }
  return {
    total: image.children.length,
    scanned: complete.length,
    worst,
    noneScanned: image.children.every(
      child => child.scan?.state === 'NOT_SCANNED',
    ),
  };
}

/** `Worst of 2 platforms`, `Worst of 1 of 2 platforms`. */
export function worstOf(platforms: PlatformScans): string {
  const of =
    platforms.scanned === platforms.total
      ? `${platforms.total}`
      : `${platforms.scanned} of ${platforms.total}`;
  return `Worst of ${of} ${platforms.total === 1 ? 'platform' : 'platforms'}`;
}
