import { partition } from '@aws-sdk/core/client';
import {
  AWS_PARTITIONS,
  partitionOf,
  registryHost,
  repositoryArn,
  repositoryUri,
} from './index';

describe('partitions', () => {
  test.each([
    'eu-west-1',
    'us-east-1',
    'ap-southeast-5',
    'mx-central-1',
    'cn-north-1',
    'cn-northwest-1',
    'us-gov-west-1',
    'us-gov-east-1',
    'us-iso-east-1',
    'us-isob-east-1',
    'eu-isoe-west-1',
    'us-isof-south-1',
    'eusc-de-east-1',
  ])('%s is in the partition the AWS SDK puts it in', region => {
    const sdk = partition(region);
    expect(partitionOf(region)).toMatchObject({
      id: sdk.name,
      dnsSuffix: sdk.dnsSuffix,
    });
  });

  it('knows every partition the SDK knows', () => {
    expect(AWS_PARTITIONS.map(p => p.id).sort()).toEqual(
      [
        'aws',
        'aws-cn',
        'aws-eusc',
        'aws-iso',
        'aws-iso-b',
        'aws-iso-e',
        'aws-iso-f',
        'aws-us-gov',
      ].sort(),
    );
  });

  test.each([
    [
      'eu-west-1',
      'arn:aws:ecr:eu-west-1:111122223333:repository/team/app',
      '111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/app',
    ],
    [
      'cn-north-1',
      'arn:aws-cn:ecr:cn-north-1:111122223333:repository/team/app',
      '111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/team/app',
    ],
    [
      'us-gov-east-1',
      'arn:aws-us-gov:ecr:us-gov-east-1:111122223333:repository/team/app',
      '111122223333.dkr.ecr.us-gov-east-1.amazonaws.com/team/app',
    ],
  ])('formats ARN and URI in %s', (region, arn, uri) => {
    expect(repositoryArn('111122223333', region, 'team/app')).toBe(arn);
    expect(repositoryUri('111122223333', region, 'team/app')).toBe(uri);
    expect(registryHost('111122223333', region)).toBe(uri.split('/')[0]);
  });
});
