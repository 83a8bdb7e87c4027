import {
  MAX_TAGS,
  TAG_KEY_MAX_LENGTH,
  TAG_VALUE_MAX_LENGTH,
  validateTags,
} from './index';

describe('validateTags', () => {
  test.each<[string, Record<string, string>]>([
    ['plain tags', { team: 'payments', 'cost-center': '42' }],
    ['the characters AWS allows', { 'a_b.c:d/e=f+g-h@i j': 'ü 1_.:/=+-@' }],
    ['an empty value', { team: '' }],
    [
      'the longest key and value, counted in characters',
      { ['é'.repeat(TAG_KEY_MAX_LENGTH)]: '𝒜'.repeat(TAG_VALUE_MAX_LENGTH) },
    ],
    [
      `${MAX_TAGS} tags`,
      Object.fromEntries(
        Array.from({ length: MAX_TAGS }, (_, i) => [`k${i}`, 'v']),
      ),
    ],
  ])('accepts %s', (_, tags) => {
    expect(validateTags(tags)).toEqual([]);
  });

  test.each<[string, Record<string, string>, string, string]>([
    ['an empty key', { '': 'x' }, 'tags.', '"" is not a valid tag key'],
    [
      'a reserved key',
      { 'AWS:owner': 'x' },
      'tags.AWS:owner',
      '"AWS:owner" is not a valid tag key',
    ],
    [
      'a key too long',
      { ['k'.repeat(TAG_KEY_MAX_LENGTH + 1)]: 'x' },
      `tags.${'k'.repeat(TAG_KEY_MAX_LENGTH + 1)}`,
      'is not a valid tag key',
    ],
    [
      'a key with a comma',
      { 'a,b': 'x' },
      'tags.a,b',
      'is not a valid tag key',
    ],
    [
      'a value too long',
      { team: 'v'.repeat(TAG_VALUE_MAX_LENGTH + 1) },
      'tags.team',
      'is not a valid tag value',
    ],
    [
      'a value with a semicolon',
      { team: 'a;b' },
      'tags.team',
      '"a;b" is not a valid tag value',
    ],
    [
      'too many tags',
      Object.fromEntries(
        Array.from({ length: MAX_TAGS + 1 }, (_, i) => [`k${i}`, 'v']),
      ),
      'tags',
      `the repository would get ${MAX_TAGS + 1} tags`,
    ],
  ])('rejects %s', (_, tags, field, message) => {
    expect(validateTags(tags)).toEqual([
      expect.objectContaining({
        field,
        message: expect.stringContaining(message),
      }),
    ]);
  });
});
