import {
  IMAGE_DIGEST_PATTERN,
  MAX_REPOSITORY_ARN_LENGTH,
  SEVERITIES,
  ecrRegistryHost,
  ecrRepositoryUri,
  parseRepositoryArn,
} from './index';

describe('SEVERITIES', () => {
  it('ranks the severities most severe first, UNDEFINED last', () => {
    // Backend filters and frontend sorting rank by this order.
    expect(SEVERITIES.join(' > ')).toBe(
      'CRITICAL > HIGH > MEDIUM > LOW > INFORMATIONAL > UNDEFINED',
    );
  });
});

describe('IMAGE_DIGEST_PATTERN', () => {
  test.each([`sha256:${'0'.repeat(64)}`, `sha256:${'a1'.repeat(32)}`])(
    'accepts %s',
    digest => expect(IMAGE_DIGEST_PATTERN.test(digest)).toBe(true),
  );

  test.each([
    ['uppercase hex', `sha256:${'A'.repeat(64)}`],
    ['63 digits', `sha256:${'a'.repeat(63)}`],
    ['65 digits', `sha256:${'a'.repeat(65)}`],
    ['another algorithm', `sha512:${'a'.repeat(64)}`],
    ['no algorithm', 'a'.repeat(64)],
    ['a tag', 'latest'],
    ['a trailing newline', `sha256:${'a'.repeat(64)}\n`],
    ['a digest inside other text', ` sha256:${'a'.repeat(64)}`],
  ])('refuses %s', (_, digest) =>
    expect(IMAGE_DIGEST_PATTERN.test(digest)).toBe(false),
  );
});

describe('registry hosts and repository URIs take the partition DNS suffix', () => {
  test.each([
    ['aws', 'eu-west-1', '111122223333.dkr.ecr.eu-west-1.amazonaws.com'],
    [
      'aws-cn',
      'cn-north-1',
      '111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn',
    ],
    [
      'aws-cn',
      'cn-northwest-1',
      '111122223333.dkr.ecr.cn-northwest-1.amazonaws.com.cn',
    ],
    [
      'aws-us-gov',
      'us-gov-west-1',
      '111122223333.dkr.ecr.us-gov-west-1.amazonaws.com',
    ],
    [
      'aws-iso',
      'us-iso-east-1',
      '111122223333.dkr.ecr.us-iso-east-1.c2s.ic.gov',
    ],
  ])('%s %s', (partition, region, host) => {
    expect(ecrRegistryHost({ accountId: '111122223333', region })).toBe(host);
    const arn = parseRepositoryArn(
      `arn:${partition}:ecr:${region}:111122223333:repository/team/app`,
    );
    expect(ecrRepositoryUri(arn)).toBe(`${host}/team/app`);
  });
});

describe('MAX_REPOSITORY_ARN_LENGTH', () => {
  const prefix = 'arn:aws:ecr:eu-west-1:111122223333:repository/';
  const ofLength = (length: number) =>
    `${prefix}${'x'.repeat(length - prefix.length)}`;

  it('parses an ARN of the longest length and refuses a longer one', () => {
    expect(
      parseRepositoryArn(ofLength(MAX_REPOSITORY_ARN_LENGTH)).arn,
    ).toHaveLength(MAX_REPOSITORY_ARN_LENGTH);
    expect(() =>
      parseRepositoryArn(ofLength(MAX_REPOSITORY_ARN_LENGTH + 1)),
    ).toThrow(/is not an ECR repository ARN/);
  });
});
