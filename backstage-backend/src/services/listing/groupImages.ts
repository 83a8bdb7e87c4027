import type { EcrImage } from '@ecr-kit/backstage-plugin-ecr-common';
import { artifactKind } from './artifactKind';
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
