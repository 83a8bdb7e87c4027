import type { PolicyStatement } from './index';
import {
  POLICY_TEXT_MAX_LENGTH,
  mergeRegistryContributions,
  pullThroughCacheRegistryStatement,
  replicationRegistryStatement,
  repositoryPolicyDocument,
  resolveRepositorySettings,
  validateStatements,
} from './index';

const allow = (extra: Partial<PolicyStatement> = {}): PolicyStatement => ({
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::222222222222:root' },
  Action: 'ecr:BatchGetImage',
  ...extra,
});

describe('statements as ECR takes them', () => {
  test.each<[string, PolicyStatement, 'repository' | 'registry', string]>([
    [
      'a Resource in a repository policy',
      allow({ Resource: '*' }),
      'repository',
      'x[0].Resource: ECR refuses a Resource element in a repository policy',
    ],
    [
      'a NotResource in a repository policy',
      allow({ NotResource: '*' }),
      'repository',
      'x[0].NotResource: ECR refuses a Resource element',
    ],
    [
      'no Resource in a registry policy',
      allow(),
      'registry',
      'x[0].Resource: a registry policy statement must name the repositories it covers',
    ],
    [
      'no Principal',
      { Effect: 'Allow', Action: 'ecr:*' },
      'repository',
      'x[0].Principal: a repository policy statement must name its Principal',
    ],
    [
      'a Sid with a slash',
      allow({ Sid: 'a/b' }),
      'repository',
      'x[0].Sid: Sid "a/b" has characters other than letters, digits, spaces and hyphens',
    ],
  ])('refuses %s', (_, statement, kind, message) => {
    const found = validateStatements([statement], 'x', kind).map(
      v => `${v.field}: ${v.message}`,
    );
    expect(found.join(' | ')).toContain(message);
  });

  test.each(['new statement', 'allow-statement', 'AllowPull1'])(
    'takes the Sid %j, as ECR does (issue 13, finding 8)',
    Sid => {
      expect(validateStatements([allow({ Sid })], 'x', 'repository')).toEqual(
        [],
      );
    },
  );

  it('refuses a repository whose custom statement names a Resource (finding: SetRepositoryPolicy refuses it)', () => {
    expect(() =>
      resolveRepositorySettings('Repository "r"', {
        name: 'r1',
        policyStatements: [allow({ Sid: 'Mine', Resource: '*' })],
      }),
    ).toThrow(
      'Repository "r": policyStatements[0].Resource: ECR refuses a Resource element in a repository policy',
    );
  });

  it("refuses a repository policy over ECR's 10,240 characters", () => {
    expect(() =>
      resolveRepositorySettings('Repository "r"', {
        name: 'r1',
        pullAccounts: Array.from({ length: 400 }, (_, i) =>
          String(100000000000 + i),
        ),
      }),
    ).toThrow(`ECR takes at most ${POLICY_TEXT_MAX_LENGTH}`);
  });
});

describe('Lambda pulls (issue 13, finding 5)', () => {
  it("grants another account's functions both as that account and as the Lambda service", () => {
    const document = repositoryPolicyDocument(
      { lambdaPull: true, lambdaAccounts: ['444444444444'] },
      { region: 'eu-west-1' },
    );
    expect(document?.Statement).toEqual([
      {
        Sid: 'LambdaAccountsPull',
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::444444444444:root'] },
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
      },
      {
        Sid: 'LambdaPull',
        Effect: 'Allow',
        Principal: { Service: 'lambda.amazonaws.com' },
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        Condition: {
          StringLike: {
            'aws:sourceArn': [
              'arn:aws:lambda:eu-west-1:444444444444:function:*',
            ],
          },
        },
      },
    ]);
  });

  it("needs no account statement for this account's functions", () => {
    expect(
      repositoryPolicyDocument({ lambdaPull: true }, {})?.Statement.map(
        s => s.Sid,
      ),
    ).toEqual(['LambdaPull']);
  });
});

describe('partitions in policies (issue 13, finding 7)', () => {
  test.each([
    ['eu-west-1', 'aws'],
    ['us-gov-east-1', 'aws-us-gov'],
    ['cn-north-1', 'aws-cn'],
  ])('writes %s policies with arn:%s:', (region, partition) => {
    const repository = repositoryPolicyDocument(
      {
        pullAccounts: ['222222222222'],
        lambdaPull: true,
        lambdaAccounts: ['333333333333'],
      },
      { region },
    );
    const text = JSON.stringify(repository);
    expect(text).toContain(`arn:${partition}:iam::222222222222:root`);
    expect(text).toContain(
      `arn:${partition}:lambda:${region}:333333333333:function:*`,
    );
    expect(text).not.toMatch(partition === 'aws' ? /arn:aws-/ : /arn:aws:/);

    const destination = { accountId: '222222222222', region };
    expect(replicationRegistryStatement('111111111111', destination)).toEqual(
      expect.objectContaining({
        Principal: { AWS: `arn:${partition}:iam::111111111111:root` },
        Resource: `arn:${partition}:ecr:${region}:222222222222:repository/*`,
      }),
    );
    expect(
      pullThroughCacheRegistryStatement(destination, 'ecr-public/docker', [
        '333333333333',
      ]),
    ).toEqual(
      expect.objectContaining({
        Sid: 'PullThroughCacheEcrPublicDocker',
        Principal: { AWS: [`arn:${partition}:iam::333333333333:root`] },
        Resource: `arn:${partition}:ecr:${region}:222222222222:repository/ecr-public/docker/*`,
      }),
    );
  });

  it('puts the partition in settings when the Region is known', () => {
    const settings = resolveRepositorySettings('x', {
      name: 'r1',
      region: 'us-gov-west-1',
      pullAccounts: ['222222222222'],
    });
    expect(settings.policy?.Statement[0].Principal).toEqual({
      AWS: ['arn:aws-us-gov:iam::222222222222:root'],
    });
  });

  it('checks the merged registry policy as a registry policy', () => {
    const { violations } = mergeRegistryContributions(
      { accountId: '111111111111', region: 'eu-west-1' },
      [{ owner: 'x', policyStatements: [allow({ Sid: 'NoResource' })] }],
    );
    expect(violations.map(v => v.field)).toEqual([
      'policyStatements[0].Resource',
    ]);
  });
});
