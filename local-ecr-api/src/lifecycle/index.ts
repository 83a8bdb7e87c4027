export { validateLifecyclePolicy } from './validateLifecyclePolicy';
export { previewLifecyclePolicy } from './previewLifecyclePolicy';
export { summarizePreview } from './summarizePreview';
export type { PreviewResult } from './types';
