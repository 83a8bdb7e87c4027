import { compliantRepository } from '../__fixtures__/ecrData';
import {
  formatBytes,
  formatExactTime,
  formatRelativeTime,
  imageId,
  pullByDigest,
  pullByTag,
  pushCommands,
  shortDigest,
} from '.';

describe('formatBytes', () => {
  it.each([
    [undefined, '—'],
    [-1, '—'],
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KiB'],
    [87_654_321, '83.6 MiB'],
    [150 * 1024 * 1024, '150 MiB'],
    [3 * 1024 ** 3, '3.0 GiB'],
  ])('%p → %p', (input, expected) => {
    expect(formatBytes(input)).toBe(expected);
  });
});

describe('formatRelativeTime', () => {
  const now = Date.parse('2025-06-01T12:00:00.000Z');
  it.each([
    ['2025-06-01T11:59:50.000Z', 'just now'],
    ['2025-06-01T11:55:00.000Z', '5 minutes ago'],
    ['2025-06-01T09:00:00.000Z', '3 hours ago'],
    ['2025-05-31T12:00:00.000Z', 'yesterday'],
    ['2025-05-20T12:00:00.000Z', '2 weeks ago'],
    ['2024-05-01T12:00:00.000Z', 'last year'],
  ])('%s → %s', (iso, expected) => {
    expect(formatRelativeTime(iso, now)).toBe(expected);
  });
});

describe('formatExactTime', () => {
  it('shows UTC to the minute and passes through what is not a date', () => {
    expect(formatExactTime('2025-05-30T10:00:59.000Z')).toBe(
      '2025-05-30 10:00 UTC',
    );
    expect(formatExactTime('soon')).toBe('soon');
  });
});

describe('image commands', () => {
  const uri = compliantRepository.uri;
  const digest = `sha256:${'ab'.repeat(32)}`;

  it('shortens digests like docker does', () => {
    expect(shortDigest(digest)).toBe('sha256:abababababab');
    expect(imageId(digest)).toBe('abababababab');
  });

  it('pulls by tag and by digest', () => {
    expect(pullByTag(uri, 'v1')).toBe(`docker pull ${uri}:v1`);
    expect(pullByDigest(uri, digest)).toBe(`docker pull ${uri}@${digest}`);
  });

  it('logs in to the repository registry and region before pushing', () => {
    expect(pushCommands(compliantRepository).split('\n')).toEqual([
      'aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com',
      `docker tag my-image:latest ${uri}:latest`,
      `docker push ${uri}:latest`,
    ]);
  });
});
