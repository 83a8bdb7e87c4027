export { validateLifecyclePolicy } from './validateLifecyclePolicy';
export { previewLifecyclePolicy } from './previewLifecyclePolicy';
export { summarizePreview } from './summarizePreview';
export type {
  CountType,
  LifecyclePolicy,
  LifecyclePolicyAction,
  LifecyclePolicyRule,
  LifecyclePolicySelection,
  LifecycleStorageClass,
  PreviewImage,
  PreviewResult,
  PreviewSummary,
  TagStatus,
  TransitioningImageTotalCount,
} from './types';
