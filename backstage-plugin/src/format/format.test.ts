import { compliantRepository, laxRepository } from '../__fixtures__/ecrData';
import {
  consoleShortcutUrl,
  formatBytes,
  formatExactTime,
  formatRelativeTime,
  formatTimeWithAge,
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

  it('pushes a first image under the commit SHA when tags are immutable, never latest', () => {
    expect(pushCommands(compliantRepository).split('\n')).toEqual([
      'aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com',
      'TAG=$(git rev-parse HEAD)   # tags are immutable here: one new tag per build',
      `docker tag my-image "${uri}:$TAG"`,
      `docker push "${uri}:$TAG"`,
    ]);
  });

  it.each(['IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION'] as const)(
    'treats %s as immutable',
    mode => {
      const repository = {
        ...compliantRepository,
        tagMutability: { mode, exclusionFilters: ['latest'] },
      };
      expect(pushCommands(repository)).not.toContain(':latest');
    },
  );

  it.each(['MUTABLE', 'MUTABLE_WITH_EXCLUSION'] as const)(
    'pushes latest when tags are %s',
    mode => {
      const repository = {
        ...laxRepository,
        tagMutability: { mode, exclusionFilters: [] },
      };
      expect(pushCommands(repository).split('\n')).toEqual([
        'aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 444455556666.dkr.ecr.us-east-1.amazonaws.com',
        `docker tag my-image:latest ${laxRepository.uri}:latest`,
        `docker push ${laxRepository.uri}:latest`,
      ]);
    },
  );
});

describe('formatTimeWithAge', () => {
  it('gives the exact time and its age', () => {
    expect(
      formatTimeWithAge(
        '2025-06-01T09:00:00.000Z',
        Date.parse('2025-06-01T12:00:00.000Z'),
      ),
    ).toBe('2025-06-01 09:00 UTC (3 hours ago)');
    expect(formatTimeWithAge('soon')).toBe('soon');
  });
});

describe('consoleShortcutUrl', () => {
  const imagePage =
    'https://eu-west-1.console.aws.amazon.com/ecr/repositories/private/111122223333/payments/api/_/image/sha256%3Aabc/details?region=eu-west-1';

  it.each([
    [
      'no IAM Identity Center: the console link itself',
      imagePage,
      undefined,
      imagePage,
    ],
    [
      'a subdomain: a shortcut into the account, the destination encoded',
      imagePage,
      { subdomain: 'acme' },
      `https://acme.awsapps.com/start/#/console?account_id=111122223333&destination=${encodeURIComponent(imagePage)}`,
    ],
    [
      'a permission set too',
      imagePage,
      { subdomain: 'd-9067abcd12', roleName: 'ReadOnly Access' },
      `https://d-9067abcd12.awsapps.com/start/#/console?account_id=111122223333&role_name=ReadOnly%20Access&destination=${encodeURIComponent(imagePage)}`,
    ],
    [
      'China: awsapps.com portals do not reach it',
      'https://cn-north-1.console.amazonaws.cn/ecr/repositories/private/111122223333/a?region=cn-north-1',
      { subdomain: 'acme' },
      'https://cn-north-1.console.amazonaws.cn/ecr/repositories/private/111122223333/a?region=cn-north-1',
    ],
    [
      'GovCloud: direct as well',
      'https://us-gov-west-1.console.amazonaws-us-gov.com/ecr/repositories/private/111122223333/a?region=us-gov-west-1',
      { subdomain: 'acme' },
      'https://us-gov-west-1.console.amazonaws-us-gov.com/ecr/repositories/private/111122223333/a?region=us-gov-west-1',
    ],
    [
      'a subdomain that is really a URL: ignored rather than a broken link',
      imagePage,
      { subdomain: 'https://acme.awsapps.com/start' },
      imagePage,
    ],
  ])('%s', (_case, url, sso, expected) => {
    expect(consoleShortcutUrl(url, '111122223333', sso)).toBe(expected);
  });
});
