import {
  ecrConsoleLinks,
  ecrRepositoryUri,
  formatRepositoryArn,
  parseRepositoryArn,
} from './index';

describe('parseRepositoryArn', () => {
  test.each([
    ['arn:aws:ecr:eu-west-1:111122223333:repository/a__b', 'aws', 'a__b'],
    [
      'arn:aws:ecr:eu-west-1:111122223333:repository/team--x/app',
      'aws',
      'team--x/app',
    ],
    ['arn:aws-cn:ecr:cn-north-1:111122223333:repository/app', 'aws-cn', 'app'],
    [
      'arn:aws-us-gov:ecr:us-gov-west-1:111122223333:repository/app',
      'aws-us-gov',
      'app',
    ],
  ])('parses %s', (arn, partition, repositoryName) => {
    expect(parseRepositoryArn(arn)).toMatchObject({
      partition,
      repositoryName,
    });
  });

  test.each([
    [
      'arn:aws-us-gov:ecr:us-east-1:111122223333:repository/app',
      'Region us-east-1 is in partition aws, so the ARN must start arn:aws:',
    ],
    [
      'arn:aws:ecr:cn-north-1:111122223333:repository/app',
      'Region cn-north-1 is in partition aws-cn, so the ARN must start arn:aws-cn:',
    ],
    [
      'arn:aws:ecr:eu-west-1:111122223333:repository/App',
      'expected arn:aws:ecr:<region>:<12-digit account id>:repository/<name>',
    ],
    [
      'arn:aws:ecr:eu-west-1:111122223333:repository/a___b',
      'expected arn:aws:ecr:<region>:<12-digit account id>:repository/<name>',
    ],
  ])('refuses %s', (arn, detail) => {
    expect(() => parseRepositoryArn(arn)).toThrow(
      `"${arn}" is not an ECR repository ARN; ${detail}`,
    );
  });

  it('echoes a long value only in part', () => {
    const long = `arn:aws:ecr:eu-west-1:111122223333:repository/${'x'.repeat(3000)}`;
    expect(() => parseRepositoryArn(long)).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/^.{1,300}$/) }),
    );
  });
});

describe('URIs, ARNs and console links follow the partition', () => {
  test.each([
    [
      'arn:aws:ecr:eu-west-1:111122223333:repository/team/app',
      '111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/app',
      'https://eu-west-1.console.aws.amazon.com/ecr/repositories/private/111122223333/team/app?region=eu-west-1',
    ],
    [
      'arn:aws-cn:ecr:cn-north-1:111122223333:repository/team/app',
      '111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/team/app',
      'https://cn-north-1.console.amazonaws.cn/ecr/repositories/private/111122223333/team/app?region=cn-north-1',
    ],
    [
      'arn:aws-us-gov:ecr:us-gov-east-1:111122223333:repository/team/app',
      '111122223333.dkr.ecr.us-gov-east-1.amazonaws.com/team/app',
      'https://us-gov-east-1.console.amazonaws-us-gov.com/ecr/repositories/private/111122223333/team/app?region=us-gov-east-1',
    ],
  ])('%s', (value, uri, console) => {
    const arn = parseRepositoryArn(value);
    expect(ecrRepositoryUri(arn)).toBe(uri);
    expect(formatRepositoryArn(arn)).toBe(value);
    const links = ecrConsoleLinks(arn);
    expect(links.repository).toBe(console);
    expect(links.image('sha256:abc')).toBe(
      console.replace('?region', '/_/image/sha256%3Aabc/details?region'),
    );
  });

  it('has no console link where the partition has no public console', () => {
    const arn = parseRepositoryArn(
      'arn:aws-iso:ecr:us-iso-east-1:111122223333:repository/app',
    );
    expect(ecrConsoleLinks(arn).repository).toBeUndefined();
    expect(ecrConsoleLinks(arn).image('sha256:abc')).toBeUndefined();
  });
});
