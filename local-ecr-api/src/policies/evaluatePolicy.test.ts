import { isAllowedByPolicy } from './evaluatePolicy';
import type {
  PolicyDecision,
  PolicyDocument,
  PolicyKind,
  PolicyRequest,
} from './types';
import { validatePolicyDocument } from './validatePolicyDocument';

type Json = Record<string, unknown>;

const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/ci`;
const REPOSITORY = `arn:aws:ecr:eu-west-1:${OTHER}:repository/team/app`;

/** A role of `ACCOUNT` pulling from `REPOSITORY`, with `changes`. */
function request(changes: Partial<PolicyRequest> = {}): PolicyRequest {
  return {
    principalArn: ROLE,
    principalAccountId: ACCOUNT,
    action: 'ecr:BatchGetImage',
    resourceArn: REPOSITORY,
    ...changes,
  };
}

/** Policies go through the validator, so every case is one ECR would store. */
function parsed(kind: PolicyKind, ...statements: Json[]): PolicyDocument {
  return validatePolicyDocument(
    JSON.stringify({ Version: '2012-10-17', Statement: statements }),
    kind,
  );
}

const allow = (changes: Json): Json => ({
  Effect: 'Allow',
  Principal: '*',
  Action: 'ecr:*',
  ...changes,
});
const deny = (changes: Json): Json => ({ ...allow(changes), Effect: 'Deny' });
const repo = (...statements: Json[]) => parsed('repository', ...statements);
const registry = (...statements: Json[]) => parsed('registry', ...statements);
const byAws = (ids: string | string[]) => allow({ Principal: { AWS: ids } });

const NGINX = `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/ecr-public/docker/library/nginx`;
const PTC = registry(
  allow({
    Principal: { AWS: ACCOUNT },
    Action: ['ecr:CreateRepository', 'ecr:BatchImportUpstreamImage'],
    Resource: `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/ecr-public/docker/*`,
  }),
);
const ptcRequest = (resourceArn: string) =>
  request({ action: 'ecr:CreateRepository', resourceArn });

const CASES: [
  string,
  PolicyDocument | undefined,
  PolicyRequest,
  PolicyDecision,
][] = [
  ['no policy', undefined, request(), 'implicit-deny'],

  // Account principals cover every principal of the account, not only the root user.
  [
    'account root ARN, role caller',
    repo(byAws(`arn:aws:iam::${ACCOUNT}:root`)),
    request(),
    'allow',
  ],
  [
    'account ID, user caller',
    repo(byAws(ACCOUNT)),
    request({ principalArn: `arn:aws:iam::${ACCOUNT}:user/alice` }),
    'allow',
  ],
  [
    'account ID, root caller',
    repo(byAws(ACCOUNT)),
    request({ principalArn: `arn:aws:iam::${ACCOUNT}:root` }),
    'allow',
  ],
  [
    'account root ARN, caller of another account',
    repo(byAws(`arn:aws:iam::${OTHER}:root`)),
    request(),
    'implicit-deny',
  ],

  // Role principals and their sessions.
  ['role ARN, that role', repo(byAws(ROLE)), request(), 'allow'],
  [
    'role ARN, another role',
    repo(byAws(`arn:aws:iam::${ACCOUNT}:role/deploy`)),
    request(),
    'implicit-deny',
  ],
  [
    'role ARN, a user of the same name',
    repo(byAws(ROLE)),
    request({ principalArn: `arn:aws:iam::${ACCOUNT}:user/ci` }),
    'implicit-deny',
  ],
  [
    'role ARN, root of its account',
    repo(byAws(ROLE)),
    request({ principalArn: `arn:aws:iam::${ACCOUNT}:root` }),
    'implicit-deny',
  ],
  [
    'role ARN, a session of that role',
    repo(byAws(ROLE)),
    request({
      principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/ci/build-7`,
    }),
    'allow',
  ],
  [
    'role ARN, a session of another role',
    repo(byAws(ROLE)),
    request({
      principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/build-7`,
    }),
    'implicit-deny',
  ],
  [
    'role ARN, a session of a same-named role elsewhere',
    repo(byAws(ROLE)),
    request({
      principalArn: `arn:aws:sts::${OTHER}:assumed-role/ci/build-7`,
      principalAccountId: OTHER,
    }),
    'implicit-deny',
  ],
  [
    'role ARN with a path, a session (the session ARN has no path)',
    repo(byAws(`arn:aws:iam::${ACCOUNT}:role/service-role/ci`)),
    request({
      principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/ci/build-7`,
    }),
    'allow',
  ],
  [
    'role ARN with a path, a session whose role ARN has another path',
    repo(byAws(`arn:aws:iam::${ACCOUNT}:role/service-role/ci`)),
    request({
      principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/ci/build-7`,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/ci`,
    }),
    'implicit-deny',
  ],
  [
    'session ARN, another session of the role',
    repo(byAws(`arn:aws:sts::${ACCOUNT}:assumed-role/ci/build-7`)),
    request({
      principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/ci/build-8`,
    }),
    'implicit-deny',
  ],
  [
    'session ARN, that session',
    repo(byAws(`arn:aws:sts::${ACCOUNT}:assumed-role/ci/build-7`)),
    request({
      principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/ci/build-7`,
    }),
    'allow',
  ],

  // Everyone, and services.
  [
    'Principal "*"',
    repo(allow({})),
    request({
      principalArn: `arn:aws:iam::${OTHER}:user/x`,
      principalAccountId: OTHER,
    }),
    'allow',
  ],
  [
    '{"AWS": "*"}',
    repo(byAws('*')),
    request({
      principalArn: `arn:aws:iam::${OTHER}:root`,
      principalAccountId: OTHER,
    }),
    'allow',
  ],
  [
    '{"AWS": "*"}, a service',
    repo(byAws('*')),
    request({ principalArn: 'lambda.amazonaws.com' }),
    'implicit-deny',
  ],
  [
    'Principal "*", a service',
    repo(allow({})),
    request({ principalArn: 'lambda.amazonaws.com' }),
    'allow',
  ],
  [
    'service principal, that service',
    repo(allow({ Principal: { Service: 'lambda.amazonaws.com' } })),
    request({ principalArn: 'lambda.amazonaws.com' }),
    'allow',
  ],
  [
    'service principal, a role',
    repo(allow({ Principal: { Service: 'lambda.amazonaws.com' } })),
    request(),
    'implicit-deny',
  ],
  [
    'Federated principal, a session (web identity or not cannot be told): no grant',
    repo(allow({ Principal: { Federated: 'accounts.google.com' } })),
    request({
      principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/ci/build-7`,
    }),
    'implicit-deny',
  ],
  [
    'Federated principal in a Deny, a session: denied',
    repo(allow({}), deny({ Principal: { Federated: 'accounts.google.com' } })),
    request({
      principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/ci/build-7`,
    }),
    'deny',
  ],

  // GovCloud and China partitions.
  [
    'aws root ARN, GovCloud caller of that account ID',
    repo(byAws(`arn:aws:iam::${ACCOUNT}:root`)),
    request({ principalArn: `arn:aws-us-gov:iam::${ACCOUNT}:role/ci` }),
    'implicit-deny',
  ],
  [
    'GovCloud root ARN, GovCloud caller',
    repo(byAws(`arn:aws-us-gov:iam::${ACCOUNT}:root`)),
    request({ principalArn: `arn:aws-us-gov:iam::${ACCOUNT}:role/ci` }),
    'allow',
  ],
  [
    'account ID, China caller',
    repo(byAws(ACCOUNT)),
    request({ principalArn: `arn:aws-cn:iam::${ACCOUNT}:role/ci` }),
    'allow',
  ],
  [
    'China role ARN, a China session of that role',
    repo(byAws(`arn:aws-cn:iam::${ACCOUNT}:role/ci`)),
    request({ principalArn: `arn:aws-cn:sts::${ACCOUNT}:assumed-role/ci/s` }),
    'allow',
  ],
  [
    'China repository prefix, a China repository',
    registry(
      allow({
        Principal: { AWS: ACCOUNT },
        Resource: `arn:aws-cn:ecr:cn-north-1:${ACCOUNT}:repository/prod-*`,
      }),
    ),
    request({
      resourceArn: `arn:aws-cn:ecr:cn-north-1:${ACCOUNT}:repository/prod-api`,
    }),
    'allow',
  ],
  [
    'China repository prefix, the same name in the aws partition',
    registry(
      allow({
        Principal: { AWS: ACCOUNT },
        Resource: `arn:aws-cn:ecr:cn-north-1:${ACCOUNT}:repository/prod-*`,
      }),
    ),
    request({
      resourceArn: `arn:aws:ecr:cn-north-1:${ACCOUNT}:repository/prod-api`,
    }),
    'implicit-deny',
  ],

  // Explicit deny wins.
  [
    'Deny beside Allow',
    repo(allow({}), deny({ Principal: { AWS: ROLE } })),
    request(),
    'deny',
  ],
  [
    'Deny listed before Allow',
    repo(deny({ Action: 'ecr:BatchGetImage' }), allow({})),
    request(),
    'deny',
  ],
  [
    'Deny of another action',
    repo(allow({}), deny({ Action: 'ecr:PutImage' })),
    request(),
    'allow',
  ],
  [
    'Deny for another principal',
    repo(allow({}), deny({ Principal: { AWS: OTHER } })),
    request(),
    'allow',
  ],
  [
    'Deny only, nothing allowed',
    repo(deny({ Action: 'ecr:PutImage' })),
    request(),
    'implicit-deny',
  ],

  // Actions: case-insensitive, with wildcards.
  ['ecr:*', repo(allow({ Action: 'ecr:*' })), request(), 'allow'],
  ['"*"', repo(allow({ Action: '*' })), request(), 'allow'],
  [
    'ecr:Batch*, BatchGetImage',
    repo(allow({ Action: 'ecr:Batch*' })),
    request(),
    'allow',
  ],
  [
    'ecr:Batch*, PutImage',
    repo(allow({ Action: 'ecr:Batch*' })),
    request({ action: 'ecr:PutImage' }),
    'implicit-deny',
  ],
  [
    'action in other case',
    repo(allow({ Action: 'ECR:batchgetimage' })),
    request(),
    'allow',
  ],
  [
    '? wildcard',
    repo(allow({ Action: 'ecr:BatchGet?mage' })),
    request(),
    'allow',
  ],
  [
    '? stands for one character only',
    repo(allow({ Action: 'ecr:BatchGet?' })),
    request(),
    'implicit-deny',
  ],
  [
    'NotAction, another action',
    repo(allow({ Action: undefined, NotAction: 'ecr:Put*' })),
    request(),
    'allow',
  ],
  [
    'NotAction, a listed action',
    repo(allow({ Action: undefined, NotAction: 'ecr:Put*' })),
    request({ action: 'ecr:PutImage' }),
    'implicit-deny',
  ],

  // Resources: a repository policy covers its repository; registry policies name prefixes.
  [
    'pull through cache prefix, a repository under it',
    PTC,
    ptcRequest(NGINX),
    'allow',
  ],
  [
    'pull through cache prefix, another upstream',
    PTC,
    ptcRequest(`arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/ecr-public/quay/x`),
    'implicit-deny',
  ],
  [
    'pull through cache prefix, the prefix itself without a slash',
    PTC,
    ptcRequest(`arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/ecr-public/docker`),
    'implicit-deny',
  ],
  [
    'pull through cache prefix, another Region',
    PTC,
    ptcRequest(NGINX.replace('eu-west-1', 'eu-west-2')),
    'implicit-deny',
  ],
  [
    'pull through cache prefix, another account',
    PTC,
    ptcRequest(NGINX.replace(`:${ACCOUNT}:`, `:${OTHER}:`)),
    'implicit-deny',
  ],
  [
    'pull through cache prefix, an action not listed',
    PTC,
    request({ resourceArn: NGINX }),
    'implicit-deny',
  ],
  [
    'Region wildcard in a resource ARN',
    registry(
      allow({
        Principal: { AWS: ACCOUNT },
        Resource: `arn:aws:ecr:*:${OTHER}:repository/team/*`,
      }),
    ),
    request(),
    'allow',
  ],
  [
    'NotResource, a repository outside it',
    registry(
      allow({
        Principal: { AWS: ACCOUNT },
        NotResource: `arn:aws:ecr:eu-west-1:${OTHER}:repository/secret/*`,
      }),
    ),
    request(),
    'allow',
  ],
  [
    'NotResource, a repository inside it',
    registry(
      allow({
        Principal: { AWS: ACCOUNT },
        NotResource: `arn:aws:ecr:eu-west-1:${OTHER}:repository/team/*`,
      }),
    ),
    request(),
    'implicit-deny',
  ],
  [
    'a five-part ARN ECR stores but that matches nothing',
    registry(
      allow({
        Principal: { AWS: ACCOUNT },
        Resource: `arn:aws:eu-west-1:${OTHER}:repository/*`,
      }),
    ),
    request(),
    'implicit-deny',
  ],

  // Conditions.
  ...(
    [
      [
        'StringEquals aws:PrincipalOrgID, member',
        { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
        { principalOrgId: 'o-abc123' },
        'allow',
      ],
      [
        'StringEquals aws:PrincipalOrgID, other organization',
        { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
        { principalOrgId: 'o-zzz999' },
        'implicit-deny',
      ],
      [
        'StringEquals aws:PrincipalOrgID, no organization',
        { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
        {},
        'implicit-deny',
      ],
      [
        'one of several values',
        { StringEquals: { 'aws:PrincipalOrgID': ['o-zzz999', 'o-abc123'] } },
        { principalOrgId: 'o-abc123' },
        'allow',
      ],
      [
        'StringEquals is case-sensitive',
        { StringEquals: { 'aws:PrincipalOrgID': 'O-ABC123' } },
        { principalOrgId: 'o-abc123' },
        'implicit-deny',
      ],
      [
        'key names ignore case',
        { StringEquals: { 'AWS:principalaccount': ACCOUNT } },
        {},
        'allow',
      ],
      [
        'StringEquals aws:PrincipalAccount, other account',
        { StringEquals: { 'aws:PrincipalAccount': OTHER } },
        {},
        'implicit-deny',
      ],
      [
        'StringLike aws:PrincipalArn',
        {
          StringLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/c?` },
        },
        {},
        'allow',
      ],
      [
        'ArnLike aws:PrincipalArn',
        { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ci' } },
        {},
        'allow',
      ],
      [
        'ArnEquals aws:PrincipalArn, another role',
        {
          ArnEquals: {
            'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/deploy`,
          },
        },
        {},
        'implicit-deny',
      ],
      [
        'ArnLike on a key that is no ARN',
        { ArnLike: { 'aws:PrincipalAccount': `arn:aws:iam::${ACCOUNT}:root` } },
        {},
        'implicit-deny',
      ],
      [
        'all keys must hold',
        {
          StringEquals: {
            'aws:PrincipalAccount': ACCOUNT,
            'aws:PrincipalOrgID': 'o-abc123',
          },
        },
        { principalOrgId: 'o-zzz999' },
        'implicit-deny',
      ],
      [
        'all operators must hold',
        {
          StringEquals: { 'aws:PrincipalAccount': ACCOUNT },
          StringLike: { 'aws:PrincipalArn': '*:role/deploy' },
        },
        {},
        'implicit-deny',
      ],
      [
        'aws:PrincipalArn of a session is its role',
        {
          ArnEquals: {
            'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/path/ci`,
          },
        },
        {
          principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/ci/s`,
          roleArn: `arn:aws:iam::${ACCOUNT}:role/path/ci`,
        },
        'allow',
      ],
      [
        'aws:PrincipalArn of a session without its role ARN is unknown',
        { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/*` } },
        { principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/ci/s` },
        'implicit-deny',
      ],
      [
        'an operator not modelled',
        { Bool: { 'aws:SecureTransport': 'true' } },
        {},
        'implicit-deny',
      ],
      [
        'a key not modelled',
        { StringLike: { 'aws:SourceArn': 'arn:aws:lambda:*' } },
        {},
        'implicit-deny',
      ],
      [
        'IfExists not modelled',
        { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123' } },
        { principalOrgId: 'o-abc123' },
        'implicit-deny',
      ],
      [
        'ForAnyValue not modelled',
        { 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgID': 'o-abc123' } },
        { principalOrgId: 'o-abc123' },
        'implicit-deny',
      ],
      [
        'a policy variable',
        { StringEquals: { 'aws:PrincipalAccount': '${aws:ResourceAccount}' } },
        {},
        'implicit-deny',
      ],
      [
        'a known false beside an unknown',
        {
          StringEquals: { 'aws:PrincipalAccount': OTHER },
          Bool: { 'aws:SecureTransport': 'true' },
        },
        {},
        'implicit-deny',
      ],
    ] as [string, Json, Partial<PolicyRequest>, PolicyDecision][]
  ).map(
    ([name, Condition, changes, decision]): [
      string,
      PolicyDocument,
      PolicyRequest,
      PolicyDecision,
    ] => [
      `Allow with ${name}`,
      repo(allow({ Condition })),
      request(changes),
      decision,
    ],
  ),
  [
    'Deny with an unknown condition applies (never allow what AWS may refuse)',
    repo(
      allow({}),
      deny({ Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    ),
    request(),
    'deny',
  ],
  [
    'Deny with a condition known to be false does not apply',
    repo(
      allow({}),
      deny({
        Condition: {
          StringEquals: { 'aws:PrincipalAccount': OTHER },
          Bool: { 'aws:SecureTransport': 'false' },
        },
      }),
    ),
    request(),
    'allow',
  ],
  [
    'Deny with StringNotEquals (not modelled) applies, even to a member',
    repo(
      allow({}),
      deny({
        Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
      }),
    ),
    request({ principalOrgId: 'o-abc123' }),
    'deny',
  ],
  [
    'the standard’s Lambda statement (aws:sourceArn is not modelled)',
    repo(
      allow({
        Principal: { Service: 'lambda.amazonaws.com' },
        Condition: {
          StringLike: {
            'aws:sourceArn': `arn:aws:lambda:*:${ACCOUNT}:function:*`,
          },
        },
      }),
    ),
    request({ principalArn: 'lambda.amazonaws.com' }),
    'implicit-deny',
  ],

  // NotPrincipal spares only callers whose account and identity are both listed.
  [
    'NotPrincipal with the role and its account',
    repo(
      allow({}),
      deny({
        Principal: undefined,
        NotPrincipal: { AWS: [ROLE, `arn:aws:iam::${ACCOUNT}:root`] },
      }),
    ),
    request(),
    'allow',
  ],
  [
    'NotPrincipal with the role only',
    repo(
      allow({}),
      deny({ Principal: undefined, NotPrincipal: { AWS: ROLE } }),
    ),
    request(),
    'deny',
  ],
  [
    'NotPrincipal with the account only, a role caller',
    repo(
      allow({}),
      deny({ Principal: undefined, NotPrincipal: { AWS: ACCOUNT } }),
    ),
    request(),
    'deny',
  ],
  [
    'NotPrincipal with the account only, the root caller',
    repo(
      allow({}),
      deny({ Principal: undefined, NotPrincipal: { AWS: ACCOUNT } }),
    ),
    request({ principalArn: `arn:aws:iam::${ACCOUNT}:root` }),
    'allow',
  ],
  [
    'NotPrincipal with another account',
    repo(
      allow({}),
      deny({
        Principal: undefined,
        NotPrincipal: { AWS: [OTHER, `arn:aws:iam::${OTHER}:role/ci`] },
      }),
    ),
    request(),
    'deny',
  ],
];

test.each(
  CASES.map(([name, policy, req, decision]) => ({
    name,
    policy,
    req,
    decision,
  })),
)('$name → $decision', ({ policy, req, decision }) => {
  expect(isAllowedByPolicy(policy, req)).toBe(decision);
});
