import type { PreviewResult, PreviewSummary } from './types';

/**
 * The preview's `summary`. `transitioningImageTotalCounts` is left out when nothing would
 * be transitioned, as the API reference says ECR does:
 * https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_LifecyclePolicyPreviewSummary.html
 */
export function summarizePreview(
  results: readonly PreviewResult[],
): PreviewSummary {
  let expiring = 0;
  let transitioning = 0;
  for (const result of results) {
    if (result.action.type === 'EXPIRE') expiring += 1;
    else transitioning += 1;
  }
  return {
    expiringImageTotalCount: expiring,
    ...(transitioning > 0
      ? {
          transitioningImageTotalCounts: [
            { targetStorageClass: 'ARCHIVE', imageTotalCount: transitioning },
          ],
        }
      : {}),
  };
}
