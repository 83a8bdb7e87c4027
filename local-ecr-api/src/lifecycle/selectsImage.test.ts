import { selectsImage } from './selectsImage';
import type { LifecyclePolicySelection, PreviewImage } from './types';

function image(
  imageTags: string[],
  imageStatus: PreviewImage['imageStatus'] = 'ACTIVE',
): PreviewImage {
  return { imageDigest: 'sha256:a', imageTags, imagePushedAt: 0, imageStatus };
}

const count = { countType: 'imageCountMoreThan', countNumber: 1 } as const;
const prefixes = (...tagPrefixList: string[]): LifecyclePolicySelection => ({
  tagStatus: 'tagged',
  tagPrefixList,
  ...count,
});
const patterns = (...tagPatternList: string[]): LifecyclePolicySelection => ({
  tagStatus: 'tagged',
  tagPatternList,
  ...count,
});

describe('selectsImage', () => {
  test.each<[string, LifecyclePolicySelection, string[], boolean]>([
    ['a prefix of a tag', prefixes('prod'), ['production-1'], true],
    ['a prefix equal to the tag', prefixes('prod'), ['prod'], true],
    [
      'a prefix found inside, not at the start',
      prefixes('prod'),
      ['my-prod'],
      false,
    ],
    [
      'every prefix, on different tags',
      prefixes('alpha', 'beta'),
      ['beta-2', 'alpha-2'],
      true,
    ],
    [
      'only some of the prefixes',
      prefixes('alpha', 'beta'),
      ['alpha-1'],
      false,
    ],
    ['a trailing wildcard', patterns('prod*'), ['prod'], true],
    [
      'a trailing wildcard, longer tag',
      patterns('prod*'),
      ['production-team1'],
      true,
    ],
    [
      'a pattern that must match the whole tag',
      patterns('prod*'),
      ['repo-prod'],
      false,
    ],
    ['wildcards on both sides', patterns('*prod*'), ['repo-production'], true],
    ['a pattern without wildcards', patterns('v1'), ['v10'], false],
    ['an exact pattern', patterns('v1'), ['v1'], true],
    ['regex characters taken literally', patterns('v1.*'), ['v1x2'], false],
    [
      'regex characters taken literally, matching',
      patterns('v1.*'),
      ['v1.2'],
      true,
    ],
    ['four wildcards', patterns('*test*1*2*3'), ['my-test-1-2-3'], true],
    [
      'every pattern, on different tags',
      patterns('alpha*', 'beta*'),
      ['alpha-4', 'beta-4'],
      true,
    ],
    [
      'only some of the patterns',
      patterns('alpha*', 'beta*'),
      ['beta-3'],
      false,
    ],
    ['a tagged rule on an untagged image', patterns('*'), [], false],
    [
      'an untagged rule on an untagged image',
      { tagStatus: 'untagged', ...count },
      [],
      true,
    ],
    [
      'an untagged rule on a tagged image',
      { tagStatus: 'untagged', ...count },
      ['v1'],
      false,
    ],
    [
      'an any rule on an untagged image',
      { tagStatus: 'any', ...count },
      [],
      true,
    ],
    [
      'an any rule on a tagged image',
      { tagStatus: 'any', ...count },
      ['v1'],
      true,
    ],
  ])('%s → %p', (_name, selection, tags, expected) => {
    expect(selectsImage(selection, image(tags))).toBe(expected);
  });

  const archiveRule: LifecyclePolicySelection = {
    tagStatus: 'any',
    storageClass: 'archive',
    countType: 'sinceImageTransitioned',
    countUnit: 'days',
    countNumber: 90,
  };
  const standardRule: LifecyclePolicySelection = { tagStatus: 'any', ...count };

  test.each<
    [string, LifecyclePolicySelection, PreviewImage['imageStatus'], boolean]
  >([
    ['a standard rule, active image', standardRule, 'ACTIVE', true],
    ['a standard rule, archived image', standardRule, 'ARCHIVED', false],
    [
      'a standard rule, image being restored',
      standardRule,
      'ACTIVATING',
      false,
    ],
    ['an archive rule, archived image', archiveRule, 'ARCHIVED', true],
    ['an archive rule, active image', archiveRule, 'ACTIVE', false],
    ['an archive rule, image being restored', archiveRule, 'ACTIVATING', false],
  ])('%s → %p', (_name, selection, status, expected) => {
    expect(selectsImage(selection, image(['v1'], status))).toBe(expected);
  });
});
