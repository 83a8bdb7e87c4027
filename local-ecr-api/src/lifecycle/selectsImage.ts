import { imageStorageClass, selectedStorageClass } from './storageClasses';
import type { LifecyclePolicySelection, PreviewImage } from './types';

/**
 * Whether a rule's selection (storage class and tag criteria, not its count) covers an
 * image. This is also what shields an image from every lower-priority rule.
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html
 */
export function selectsImage(
  selection: LifecyclePolicySelection,
  image: PreviewImage,
): boolean {
  if (imageStorageClass(image) !== selectedStorageClass(selection)) {
    return false;
  }
  const tags = image.imageTags;
  switch (selection.tagStatus) {
    case 'any':
      return true;
    case 'untagged':
      return tags.length === 0;
    case 'tagged':
      // Every entry of the list must match at least one of the image's tags.
      if (tags.length === 0) return false;
      if (selection.tagPrefixList) {
        return selection.tagPrefixList.every(prefix =>
          tags.some(tag => tag.startsWith(prefix)),
        );
      }
      return (selection.tagPatternList ?? []).every(pattern => {
        const regex = patternRegex(pattern);
        return tags.some(tag => regex.test(tag));
      });
  }
}

/** `*` stands for any run of characters (none included); everything else is literal. */
function patternRegex(pattern: string): RegExp {
  const literal = pattern
    .split('*')
    .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literal.join('.*')}$`, 's');
}
