import type {
  EcrImage,
  EcrImagesQuery,
  EcrScanSummary,
} from '@ecr-kit/backstage-plugin-ecr-common';
import { artifactKind } from './artifactKind';
import { hasSeverity } from '../scanning/scanSummary';
import type { ImageInventory, ImageRecord } from './types';

function toImage(record: ImageRecord): EcrImage {
  return {
    digest: record.digest,
    tags: record.tags,
    sizeInBytes: record.size,
    pushedAt: record.pushedAt,
    lastPulledAt: record.lastPulledAt,
    manifestMediaType: record.manifestMediaType,
    artifactMediaType: record.artifactMediaType,
    kind: artifactKind(record),
    status: record.status,
    ...(record.scan ? { scan: record.scan } : {}),
    children: [],
    referrers: [],
  };
}

const grouped = new WeakMap<ImageInventory, EcrImage[]>();

/**
 * Groups a repository's full listing: referrers (signatures, SBOMs, attestations) go under
 * the image they refer to, and the platform manifests of image indexes under their index.
 * Everything else is a top-level image. The result is memoized per inventory object, so
 * warm views of a cached listing do not regroup it.
 */
export function groupImages(inventory: ImageInventory): EcrImage[] {
  const known = grouped.get(inventory);
  if (known) return known;
  const byDigest = new Map(inventory.images.map(r => [r.digest, toImage(r)]));
  const childOf = new Map<string, { index: string; platform?: string }>();
  for (const [index, children] of Object.entries(inventory.indexChildren)) {
    for (const child of children) {
      childOf.set(child.digest, { index, platform: child.platform });
    }
  }
  const top: EcrImage[] = [];
  for (const record of inventory.images) {
    const image = byDigest.get(record.digest)!;
    const parent = childOf.get(record.digest);
    const subject = record.subjectDigest
      ? byDigest.get(record.subjectDigest)
      : undefined;
    if (parent && byDigest.has(parent.index)) {
      byDigest
        .get(parent.index)!
        .children.push(
          parent.platform ? { ...image, platform: parent.platform } : image,
        );
    } else if (subject) {
      subject.referrers.push(image);
    } else {
      top.push(image);
    }
  }
  grouped.set(inventory, top);
  return top;
}

const time = (value: string | undefined) => (value ? Date.parse(value) : 0);

/** Filters, sorts (newest first by default) and pages grouped images. */
export function selectImages(
  images: readonly EcrImage[],
  query: EcrImagesQuery,
  scans: ReadonlyMap<string, EcrScanSummary>,
) {
  const tagText = query.tag?.toLowerCase();
  let unknown = 0;
  const filtered = images.filter(image => {
    if (query.tagStatus === 'TAGGED' && image.tags.length === 0) return false;
    if (query.tagStatus === 'UNTAGGED' && image.tags.length > 0) return false;
    if (query.kind && image.kind !== query.kind) return false;
    if (tagText && !image.tags.some(t => t.toLowerCase().includes(tagText)))
      return false;
    if (query.minSeverity) {
      const scan = image.scan ?? scans.get(image.digest);
      if (!scan) {
        unknown += 1;
        return false;
      }
      return hasSeverity(scan, query.minSeverity);
    }
    return true;
  });
  const direction = query.order === 'asc' ? 1 : -1;
  const key = query.sort ?? 'pushedAt';
  const value = (image: EcrImage): number | string => {
    switch (key) {
      case 'lastPulledAt':
        return time(image.lastPulledAt);
      case 'size':
        return image.sizeInBytes ?? 0;
      case 'tag':
        return [...image.tags].sort()[0] ?? '';
      default:
        return time(image.pushedAt);
    }
  };
  // Sort keys computed once per image, not once per comparison.
  const sorted = filtered
    .map(image => ({ image, value: value(image) }))
    .sort((a, b) => {
      if (a.value < b.value) return -direction;
      if (a.value > b.value) return direction;
      return a.image.digest < b.image.digest ? -1 : 1;
    })
    .map(entry => entry.image);
  const pageSize = query.pageSize ?? 25;
  const page = query.page ?? 1;
  return {
    images: sorted.slice((page - 1) * pageSize, page * pageSize),
    page,
    pageSize,
    totalCount: sorted.length,
    ...(query.minSeverity
      ? { severityFilter: { evaluated: images.length - unknown, unknown } }
      : {}),
  };
}
