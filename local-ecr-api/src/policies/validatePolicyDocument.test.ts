import { EcrApiError } from '../EcrApiError';
import type { PolicyKind, ValidatePolicyOptions } from './types';
import { validatePolicyDocument } from './validatePolicyDocument';

type Json = Record<string, unknown>;

const ECR_MESSAGE: Record<PolicyKind, string> = {
  repository:
    "Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'",
  registry:
    "Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid registry policy provided'",
};

const PULL: Json = {
  Sid: 'AllowPull',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
  Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
};

// The guide's cross-account replication statement (registry-permissions-examples).
const REPLICATION: Json = {
  Sid: 'ReplicationAccessCrossAccount',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
  Action: ['ecr:CreateRepository', 'ecr:ReplicateImage'],
  Resource: ['arn:aws:ecr:us-west-2:444455556666:repository/*'],
};

/** A 2012-10-17 policy of `statements`. */
function policy(...statements: Json[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** `PULL` (or `base`) with some elements replaced; `undefined` removes one. */
function pull(changes: Json, base: Json = PULL): Json {
  const statement: Json = { ...base, ...changes };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete statement[key];
  }
  return statement;
}

const replication = (changes: Json) => pull(changes, REPLICATION);

function thrown(fn: () => unknown): EcrApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EcrApiError) return error;
    throw error;
  }
  throw new Error('expected an EcrApiError');
}

// Rows become objects: a callback with more parameters than a row has values would make
// Jest wait for a `done` callback.
const ACCEPTED: [string, PolicyKind, string, ValidatePolicyOptions?][] = [
  ['a pull statement', 'repository', policy(PULL)],
  [
    'Version 2008-10-17',
    'repository',
    JSON.stringify({ Version: '2008-10-17', Statement: [PULL] }),
  ],
  ['no Version', 'repository', JSON.stringify({ Statement: [PULL] })],
  [
    'a single statement object and an Id',
    'repository',
    JSON.stringify({ Version: '2012-10-17', Id: 'pull', Statement: PULL }),
  ],
  [
    'the console Sid "new statement"',
    'repository',
    policy(pull({ Sid: 'new statement' })),
  ],
  [
    'the Sid "allow-statement"',
    'repository',
    policy(pull({ Sid: 'allow-statement' })),
  ],
  ['no Sid', 'repository', policy(pull({ Sid: undefined }))],
  ['an empty Sid', 'repository', policy(pull({ Sid: '' }))],
  ['the same Sid twice', 'repository', policy(PULL, pull({ Effect: 'Deny' }))],
  ['Principal "*"', 'repository', policy(pull({ Principal: '*' }))],
  [
    'Principal {"AWS": "*"}',
    'repository',
    policy(pull({ Principal: { AWS: '*' } })),
  ],
  [
    'account IDs, user, role with a path, session, federated user',
    'repository',
    policy(
      pull({
        Principal: {
          AWS: [
            '123456789012',
            'arn:aws:iam::111122223333:user/ops/alice',
            'arn:aws:iam::111122223333:role/service-role/ci',
            'arn:aws:sts::111122223333:assumed-role/ci/build-42',
            'arn:aws:sts::111122223333:federated-user/bob',
          ],
        },
      }),
    ),
  ],
  [
    'GovCloud and China principals',
    'repository',
    policy(
      pull({
        Principal: {
          AWS: [
            'arn:aws-us-gov:iam::111122223333:root',
            'arn:aws-cn:iam::111122223333:role/ci',
          ],
        },
      }),
    ),
  ],
  [
    'service and federated principals',
    'repository',
    policy(
      pull({
        Principal: {
          Service: ['lambda.amazonaws.com', 'ecs-tasks.amazonaws.com'],
          Federated: [
            'accounts.google.com',
            'arn:aws:iam::111122223333:saml-provider/corp',
          ],
        },
      }),
    ),
  ],
  [
    'NotPrincipal with Deny',
    'repository',
    policy(
      pull({
        Effect: 'Deny',
        Principal: undefined,
        NotPrincipal: { AWS: ['111122223333'] },
      }),
    ),
  ],
  [
    'Action "*", wildcards and any case',
    'repository',
    policy(
      pull({
        Action: [
          '*',
          'ecr:*',
          'ecr:Batch*',
          'ECR:getdownloadurlforlayer',
          'ecr:Get?uthorizationToken',
        ],
      }),
    ),
  ],
  [
    'NotAction',
    'repository',
    policy(pull({ Action: undefined, NotAction: 'ecr:Delete*' })),
  ],
  [
    'conditions of several operators',
    'repository',
    policy(
      pull({
        Condition: {
          StringEquals: { 'aws:PrincipalOrgID': ['o-abc123', 'o-def456'] },
          Bool: { 'aws:SecureTransport': true },
          NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 },
          'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-abc123/*' },
          ArnLikeIfExists: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ci' },
        },
      }),
    ),
  ],
  ['the guide’s replication policy', 'registry', policy(REPLICATION)],
  [
    'replication under scope V1',
    'registry',
    policy(REPLICATION),
    { registryPolicyScope: 'V1' },
  ],
  [
    'pull through cache under scope V1',
    'registry',
    policy(
      replication({
        Sid: 'PullThroughCache',
        Action: ['ecr:CreateRepository', 'ecr:BatchImportUpstreamImage'],
        Resource: 'arn:aws:ecr:eu-west-1:444455556666:repository/ecr-public/*',
      }),
    ),
    { registryPolicyScope: 'V1' },
  ],
  [
    'ecr:* under scope V1',
    'registry',
    policy(replication({ Action: 'ecr:*' })),
    { registryPolicyScope: 'V1' },
  ],
  [
    'any ECR action under scope V2',
    'registry',
    policy(replication({ Action: ['ecr:BatchGetImage', 'ecr:Put*'] })),
  ],
  [
    'NotResource under scope V2',
    'registry',
    policy(replication({ Resource: undefined, NotResource: '*' })),
  ],
  [
    'a China repository ARN, and an ARN ECR takes without checking',
    'registry',
    policy(
      replication({
        Resource: [
          'arn:aws-cn:ecr:cn-north-1:444455556666:repository/prod-*',
          'arn:aws:us-east-2:444455556666:repository/*',
        ],
      }),
    ),
  ],
];

const REFUSED: [string, PolicyKind, string, string, ValidatePolicyOptions?][] =
  [
    [
      'text that is not JSON',
      'repository',
      '{"Statement": [',
      'the text is not valid JSON',
    ],
    ['a JSON array', 'repository', '[]', 'the policy is not a JSON object'],
    [
      'a key twice in one object',
      'repository',
      '{"Statement":[{"Effect":"Allow","Effect":"Deny","Principal":"*","Action":"ecr:*"}]}',
      'the key "Effect" appears twice in one object',
    ],
    [
      'an unknown top-level element',
      'repository',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [PULL],
        Statements: [],
      }),
      'unknown top-level element "Statements"',
    ],
    [
      'an unknown Version',
      'repository',
      JSON.stringify({ Version: '2012-10-18', Statement: [PULL] }),
      'Version must be "2012-10-17" or "2008-10-17"',
    ],
    [
      'an Id that is no string',
      'repository',
      JSON.stringify({ Id: 7, Statement: [PULL] }),
      'Id must be a string',
    ],
    [
      'no Statement',
      'repository',
      JSON.stringify({ Version: '2012-10-17' }),
      'Statement is missing',
    ],
    [
      'an empty Statement list',
      'repository',
      policy(),
      'Statement is an empty list',
    ],
    [
      'a statement that is no object',
      'repository',
      JSON.stringify({ Statement: ['x'] }),
      'Statement[0] is not an object',
    ],
    [
      'an unknown statement element',
      'repository',
      policy(PULL, pull({ Resources: '*' })),
      'Statement[1] has the unknown element "Resources"',
    ],
    [
      'a Sid with an underscore',
      'repository',
      policy(pull({ Sid: 'allow_pull' })),
      'Statement[0].Sid must be a string of letters, digits, spaces and hyphens',
    ],
    [
      'a Sid that is no string',
      'repository',
      policy(pull({ Sid: 1 })),
      'Statement[0].Sid must be a string of letters, digits, spaces and hyphens',
    ],
    [
      'Effect in lower case',
      'repository',
      policy(pull({ Effect: 'allow' })),
      'Statement[0].Effect must be "Allow" or "Deny"',
    ],
    [
      'no Effect, in a single statement object',
      'repository',
      JSON.stringify({ Statement: pull({ Effect: undefined }) }),
      'Statement.Effect must be "Allow" or "Deny"',
    ],
    [
      'no Principal',
      'repository',
      policy(pull({ Principal: undefined })),
      'Statement[0].Principal is missing; a resource-based policy must name whom it applies to',
    ],
    [
      'Principal and NotPrincipal',
      'repository',
      policy(pull({ NotPrincipal: '*' })),
      'Statement[0] has both Principal and NotPrincipal',
    ],
    [
      'NotPrincipal with Allow',
      'repository',
      policy(
        pull({ Principal: undefined, NotPrincipal: { AWS: '111122223333' } }),
      ),
      'Statement[0].NotPrincipal can only be used with "Effect": "Deny"',
    ],
    [
      'a Principal string other than "*"',
      'repository',
      policy(pull({ Principal: '111122223333' })),
      'Statement[0].Principal must be "*" or an object such as {"AWS": "111122223333"}',
    ],
    [
      'an empty Principal',
      'repository',
      policy(pull({ Principal: {} })),
      'Statement[0].Principal names no principal',
    ],
    [
      'an empty AWS list',
      'repository',
      policy(pull({ Principal: { AWS: [] } })),
      'Statement[0].Principal.AWS is an empty list',
    ],
    [
      'an account ID as a number',
      'repository',
      policy(pull({ Principal: { AWS: 111122223333 } })),
      'Statement[0].Principal.AWS holds a non-string',
    ],
    ...(
      [
        'arn:aws:iam::111122223333:*',
        'arn:aws:iam::111122223333:user/*',
        'arn:aws:iam::111122223333:group/admins',
        '11112222333',
        'arn:aws-xx:iam::111122223333:root',
        'arn:aws:iam:us-east-1:111122223333:root',
        'arn:aws:sts::111122223333:assumed-role/ci',
      ] as const
    ).map((id): [string, PolicyKind, string, string] => [
      `the AWS principal ${id}`,
      'repository',
      policy(pull({ Principal: { AWS: id } })),
      `Statement[0].Principal.AWS "${id}" is not "*", an account ID, or an account root, IAM user, IAM role or role session ARN`,
    ]),
    [
      'a CanonicalUser principal',
      'repository',
      policy(
        pull({
          Principal: {
            CanonicalUser:
              '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',
          },
        }),
      ),
      'Statement[0].Principal.CanonicalUser is only for S3 bucket policies',
    ],
    [
      'an unknown principal type',
      'repository',
      policy(pull({ Principal: { Group: 'admins' } })),
      'Statement[0].Principal has the unknown principal type "Group" (use AWS, Service or Federated)',
    ],
    [
      'a service principal without its domain',
      'repository',
      policy(pull({ Principal: { Service: 'lambda' } })),
      'Statement[0].Principal.Service "lambda" is not a service principal such as "lambda.amazonaws.com"',
    ],
    [
      'an unknown identity provider',
      'repository',
      policy(pull({ Principal: { Federated: 'idp.example.com' } })),
      'Statement[0].Principal.Federated "idp.example.com" is not a web identity provider or a SAML/OIDC provider ARN',
    ],
    [
      'no Action',
      'repository',
      policy(pull({ Action: undefined })),
      'Statement[0].Action is missing',
    ],
    [
      'Action and NotAction',
      'repository',
      policy(pull({ NotAction: 'ecr:*' })),
      'Statement[0] has both Action and NotAction',
    ],
    [
      'an empty Action list',
      'repository',
      policy(pull({ Action: [] })),
      'Statement[0].Action is an empty list',
    ],
    [
      'an empty action',
      'repository',
      policy(pull({ Action: '' })),
      'Statement[0].Action must be a non-empty string or a list of them',
    ],
    [
      'an action without vendor',
      'repository',
      policy(pull({ Action: 'BatchGetImage' })),
      'Statement[0].Action "BatchGetImage" is not of the form "ecr:ActionName"',
    ],
    [
      'an action with a space',
      'repository',
      policy(pull({ Action: 'ecr:Batch GetImage' })),
      'Statement[0].Action "ecr:Batch GetImage" is not of the form "ecr:ActionName"',
    ],
    [
      'another service’s action',
      'repository',
      policy(pull({ NotAction: ['s3:GetObject'], Action: undefined })),
      'Statement[0].NotAction "s3:GetObject" is not an ECR action',
    ],
    [
      'a Resource in a repository policy',
      'repository',
      policy(pull({ Resource: '*' })),
      'Statement[0].Resource is not allowed in a repository policy; the statement applies to the repository itself',
    ],
    [
      'a NotResource in a repository policy',
      'repository',
      policy(
        pull({
          NotResource: 'arn:aws:ecr:eu-west-1:111122223333:repository/x',
        }),
      ),
      'Statement[0].NotResource is not allowed in a repository policy; the statement applies to the repository itself',
    ],
    [
      'a Condition that is no object',
      'repository',
      policy(pull({ Condition: 'aws:PrincipalOrgID' })),
      'Statement[0].Condition must be an object of operator → key → values',
    ],
    [
      'an unknown condition operator',
      'repository',
      policy(
        pull({
          Condition: { StringEqual: { 'aws:PrincipalOrgID': 'o-abc123' } },
        }),
      ),
      'Statement[0].Condition has the unknown operator "StringEqual"',
    ],
    [
      'an operator without keys',
      'repository',
      policy(pull({ Condition: { StringEquals: {} } })),
      'Statement[0].Condition.StringEquals must map at least one condition key to values',
    ],
    [
      'a condition key without vendor',
      'repository',
      policy(
        pull({ Condition: { StringEquals: { PrincipalOrgID: 'o-abc123' } } }),
      ),
      'Statement[0].Condition.StringEquals has the key "PrincipalOrgID", which lacks a vendor prefix such as "aws:"',
    ],
    [
      'an empty condition value list',
      'repository',
      policy(
        pull({ Condition: { StringEquals: { 'aws:PrincipalOrgID': [] } } }),
      ),
      'Statement[0].Condition.StringEquals["aws:PrincipalOrgID"] is an empty list',
    ],
    [
      'an object as condition value',
      'repository',
      policy(
        pull({
          Condition: {
            StringEquals: { 'aws:PrincipalOrgID': { id: 'o-abc123' } },
          },
        }),
      ),
      'Statement[0].Condition.StringEquals["aws:PrincipalOrgID"] must hold strings, numbers or booleans',
    ],
    [
      'a registry statement without Resource',
      'registry',
      policy(replication({ Resource: undefined })),
      'Statement[0].Resource is missing',
    ],
    [
      'Resource and NotResource',
      'registry',
      policy(replication({ NotResource: '*' })),
      'Statement[0] has both Resource and NotResource',
    ],
    [
      'a Resource that is no ARN',
      'registry',
      policy(replication({ Resource: 'repository/*' })),
      'Statement[0].Resource "repository/*" is not "*" or an ARN',
    ],
    [
      'a wildcard service in a Resource',
      'registry',
      policy(
        replication({
          Resource: 'arn:aws:ec*:us-west-2:444455556666:repository/*',
        }),
      ),
      'Statement[0].Resource "arn:aws:ec*:us-west-2:444455556666:repository/*" has no fixed service part',
    ],
    [
      'Action "*" in a registry policy',
      'registry',
      policy(replication({ Action: '*' })),
      'Statement[0].Action "*" is not allowed in a registry policy; name ECR actions',
    ],
    [
      'another service’s action in a registry policy',
      'registry',
      policy(replication({ Action: 's3:GetObject' })),
      'Statement[0].Action "s3:GetObject" is not an ECR action',
    ],
    [
      'a pull action under scope V1',
      'registry',
      policy(
        replication({ Action: ['ecr:ReplicateImage', 'ecr:BatchGetImage'] }),
      ),
      'Statement[0].Action "ecr:BatchGetImage" is not allowed by registry policy scope V1 (only ecr:ReplicateImage, ecr:BatchImportUpstreamImage, ecr:CreateRepository)',
      { registryPolicyScope: 'V1' },
    ],
    [
      'NotAction under scope V1',
      'registry',
      policy(
        replication({ Action: undefined, NotAction: 'ecr:DeleteRepository' }),
      ),
      'Statement[0].NotAction is not allowed by registry policy scope V1',
      { registryPolicyScope: 'V1' },
    ],
  ];

test.each(
  ACCEPTED.map(([name, kind, text, options]) => ({
    name,
    kind,
    text,
    options,
  })),
)('accepts $name ($kind)', ({ kind, text, options }) => {
  expect(() => validatePolicyDocument(text, kind, options)).not.toThrow();
});

test.each(
  REFUSED.map(([name, kind, text, reason, options]) => ({
    name,
    kind,
    text,
    reason,
    options,
  })),
)('refuses $name ($kind)', ({ kind, text, reason, options }) => {
  const error = thrown(() => validatePolicyDocument(text, kind, options));
  expect(error.type).toBe('InvalidParameterException');
  expect(error.status).toBe(400);
  // ECR's own text comes first, verbatim, then the reason.
  expect(error.message).toBe(`${ECR_MESSAGE[kind]} (${reason})`);
});

test('returns the statements as a list', () => {
  const document = validatePolicyDocument(
    JSON.stringify({ Version: '2012-10-17', Statement: PULL }),
    'repository',
  );
  expect(document).toEqual({ Version: '2012-10-17', Statement: [PULL] });
});
