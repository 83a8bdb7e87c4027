import { summarizePreview } from './summarizePreview';
import type { PreviewResult } from './types';

function result(type: 'EXPIRE' | 'TRANSITION', digest: string): PreviewResult {
  return {
    imageDigest: digest,
    imageTags: [],
    imagePushedAt: 0,
    action:
      type === 'EXPIRE' ? { type } : { type, targetStorageClass: 'ARCHIVE' },
    appliedRulePriority: 1,
    storageClass: 'STANDARD',
  };
}

describe('summarizePreview', () => {
  test.each<[string, PreviewResult[], ReturnType<typeof summarizePreview>]>([
    ['no results', [], { expiringImageTotalCount: 0 }],
    [
      'only expiries',
      [result('EXPIRE', 'a'), result('EXPIRE', 'b')],
      { expiringImageTotalCount: 2 },
    ],
    [
      'only transitions',
      [result('TRANSITION', 'a')],
      {
        expiringImageTotalCount: 0,
        transitioningImageTotalCounts: [
          { targetStorageClass: 'ARCHIVE', imageTotalCount: 1 },
        ],
      },
    ],
    [
      'both',
      [
        result('TRANSITION', 'a'),
        result('EXPIRE', 'b'),
        result('TRANSITION', 'c'),
      ],
      {
        expiringImageTotalCount: 1,
        transitioningImageTotalCounts: [
          { targetStorageClass: 'ARCHIVE', imageTotalCount: 2 },
        ],
      },
    ],
  ])('%s', (_name, results, summary) => {
    // toStrictEqual: an absent transitioningImageTotalCounts must really be absent.
    expect(summarizePreview(results)).toStrictEqual(summary);
  });
});
