import type { Entity } from '@backstage/catalog-model';
import {
  ECR_ARN_ANNOTATION,
  ECR_TAGS_ANNOTATION,
  InvalidEcrAnnotationError,
  formatRepositoryArn,
  isEcrAvailable,
  parseEcrArnAnnotation,
  parseEcrTagsAnnotation,
  parseRepositoryArn,
} from './index';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments', annotations },
  };
}

const ARN = 'arn:aws:ecr:eu-west-1:111122223333:repository/team/payments-api';

describe('parseRepositoryArn', () => {
  it('splits an ARN into its parts and formats it back', () => {
    const parsed = parseRepositoryArn(` ${ARN} `);
    expect(parsed).toEqual({
      arn: ARN,
      partition: 'aws',
      region: 'eu-west-1',
      accountId: '111122223333',
      repositoryName: 'team/payments-api',
    });
    expect(formatRepositoryArn(parsed)).toBe(ARN);
  });

  test.each([
    'arn:aws:s3:::bucket',
    'arn:aws:ecr:eu-west-1:1111:repository/x',
    'arn:aws:ecr:eu-west-1:111122223333:repository/Upper',
    'arn:aws:ecr:eu-west-1:111122223333:repository/../other',
    'arn:aws:ecr:eu-west-1:111122223333:repository/a,arn:aws:ecr:x',
    '',
  ])('rejects %p', value => {
    expect(() => parseRepositoryArn(value)).toThrow(
      /is not an ECR repository ARN/,
    );
  });
});

describe('parseEcrArnAnnotation', () => {
  it('reads several ARNs in several accounts and regions, dropping duplicates', () => {
    const other = 'arn:aws:ecr:us-east-1:444455556666:repository/payments';
    expect(
      parseEcrArnAnnotation(`${ARN}, ${other},${ARN},`).map(a => [
        a.accountId,
        a.region,
      ]),
    ).toEqual([
      ['111122223333', 'eu-west-1'],
      ['444455556666', 'us-east-1'],
    ]);
  });

  it('names the annotation and the bad value', () => {
    expect(() => parseEcrArnAnnotation(`${ARN},not-an-arn`)).toThrow(
      new InvalidEcrAnnotationError(
        ECR_ARN_ANNOTATION,
        '"not-an-arn" is not an ECR repository ARN; expected arn:aws:ecr:<region>:<12-digit account id>:repository/<name>',
      ),
    );
    expect(() => parseEcrArnAnnotation(' , ')).toThrow(
      /no repository ARN given/,
    );
  });
});

describe('parseEcrTagsAnnotation', () => {
  it('reads key=value pairs', () => {
    expect(
      parseEcrTagsAnnotation('service=payments, team = core ,empty='),
    ).toEqual([
      { key: 'service', value: 'payments' },
      { key: 'team', value: 'core' },
      { key: 'empty', value: '' },
    ]);
  });

  test.each([
    ['payments', /"payments" is not key=value/],
    ['=x', /"=x" is not key=value/],
    ['a=1,a=2', /tag key "a" appears twice/],
    [',', /no tag given/],
  ])('rejects %p', (value, message) => {
    expect(() => parseEcrTagsAnnotation(value)).toThrow(message);
    expect(() => parseEcrTagsAnnotation(value)).toThrow(ECR_TAGS_ANNOTATION);
  });
});

describe('isEcrAvailable', () => {
  it('is true for either annotation and false otherwise', () => {
    expect(isEcrAvailable(entity({ [ECR_ARN_ANNOTATION]: ARN }))).toBe(true);
    expect(
      isEcrAvailable(entity({ [ECR_TAGS_ANNOTATION]: 'service=payments' })),
    ).toBe(true);
    expect(isEcrAvailable(entity({ [ECR_ARN_ANNOTATION]: '  ' }))).toBe(false);
    expect(isEcrAvailable(entity({}))).toBe(false);
  });
});
