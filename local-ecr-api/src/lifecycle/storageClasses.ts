import type {
  LifecyclePolicySelection,
  LifecycleStorageClass,
  PreviewImage,
} from './types';

/**
 * The storage class a rule selects; `standard` when the rule does not say.
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html
 */
export function selectedStorageClass(
  selection: LifecyclePolicySelection,
): LifecycleStorageClass {
  return selection.storageClass ?? 'standard';
}

/**
 * The storage class an image is in. An image being restored (`ACTIVATING`) is in neither,
 * so no rule can act on it halfway through.
 */
export function imageStorageClass(
  image: PreviewImage,
): LifecycleStorageClass | undefined {
  switch (image.imageStatus) {
    case 'ACTIVE':
      return 'standard';
    case 'ARCHIVED':
      return 'archive';
    default:
      return undefined;
  }
}
