import { selectsImage } from './selectsImage';
import type {
  LifecyclePolicy,
  LifecyclePolicyRule,
  PreviewImage,
  PreviewResult,
} from './types';

// How the evaluator works, per
// https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html
// (worked examples: .../lifecycle_policy_examples.html, "Filtering on multiple rules"):
// every rule marks images as if it were alone; then, in priority order, an image is acted
// on only by the first rule whose selection covers it, and only if that rule marked it.

const SECONDS_PER_DAY = 24 * 60 * 60;

/**
 * The images `policy` would expire or transition among `images` at time `now` (epoch
 * seconds), ordered by the rule that applies, then oldest first.
 */
export function previewLifecyclePolicy(
  policy: LifecyclePolicy,
  images: readonly PreviewImage[],
  now: number,
): PreviewResult[] {
  const rules = [...policy.rules].sort(
    (a, b) => a.rulePriority - b.rulePriority,
  );
  const marks = rules.map(rule => markedImages(rule, images, now));
  const results: PreviewResult[] = [];
  images.forEach((image, index) => {
    const first = rules.findIndex(rule => selectsImage(rule.selection, image));
    if (first !== -1 && marks[first].has(index)) {
      results.push(toResult(image, rules[first]));
    }
  });
  return results.sort(
    (a, b) =>
      a.appliedRulePriority - b.appliedRulePriority ||
      a.imagePushedAt - b.imagePushedAt ||
      a.imageDigest.localeCompare(b.imageDigest),
  );
}

/** Indexes into `images` of the images `rule` would act on if it were the only rule. */
function markedImages(
  rule: LifecyclePolicyRule,
  images: readonly PreviewImage[],
  now: number,
): Set<number> {
  const { countType, countNumber } = rule.selection;
  const selected = images
    .map((image, index) => ({ image, index }))
    .filter(({ image }) => selectsImage(rule.selection, image));

  if (countType === 'imageCountMoreThan') {
    // Newest first; everything past the first countNumber is marked.
    const newestFirst = [...selected].sort(
      (a, b) =>
        orderingTime(b.image) - orderingTime(a.image) ||
        b.image.imageDigest.localeCompare(a.image.imageDigest),
    );
    return new Set(newestFirst.slice(countNumber).map(({ index }) => index));
  }

  const cutoff = now - countNumber * SECONDS_PER_DAY;
  return new Set(
    selected
      .filter(({ image }) => {
        const since = ageReference(countType, image);
        return since !== undefined && since < cutoff;
      })
      .map(({ index }) => index),
  );
}

/**
 * Count rules rank by push time, except that an image restored from archive ranks by its
 * restore time (LifecyclePolicies.html, evaluation rules).
 */
function orderingTime(image: PreviewImage): number {
  return image.lastActivatedAt ?? image.imagePushedAt;
}

/** The moment an age rule measures from; `undefined` when the image gives it none. */
function ageReference(
  countType: Exclude<
    LifecyclePolicyRule['selection']['countType'],
    'imageCountMoreThan'
  >,
  image: PreviewImage,
): number | undefined {
  switch (countType) {
    case 'sinceImagePushed':
      return image.imagePushedAt;
    case 'sinceImagePulled': {
      // Last pull; if never pulled since a restore, the restore time; if never pulled at
      // all, the push time (LifecyclePolicies.html, evaluation rules).
      const times = [image.lastRecordedPullTime, image.lastActivatedAt].filter(
        (time): time is number => time !== undefined,
      );
      return times.length > 0 ? Math.max(...times) : image.imagePushedAt;
    }
    case 'sinceImageTransitioned':
      // An archived image without an archive time cannot be aged, so it is never deleted.
      return image.lastArchivedAt;
  }
}

function toResult(
  image: PreviewImage,
  rule: LifecyclePolicyRule,
): PreviewResult {
  return {
    imageDigest: image.imageDigest,
    imageTags: [...image.imageTags],
    imagePushedAt: image.imagePushedAt,
    action:
      rule.action.type === 'transition'
        ? { type: 'TRANSITION', targetStorageClass: 'ARCHIVE' }
        : { type: 'EXPIRE' },
    appliedRulePriority: rule.rulePriority,
    storageClass: image.imageStatus === 'ARCHIVED' ? 'ARCHIVE' : 'STANDARD',
  };
}
