type Statement = Record<string, unknown>;

/** A 2012-10-17 policy document of `statements`. */
export function policyDocument(...statements: Statement[]) {
  return { Version: '2012-10-17', Statement: statements };
}

/** {@link policyDocument} as the policy text ECR takes. */
export function policyText(...statements: Statement[]): string {
  return JSON.stringify(policyDocument(...statements));
}

/**
 * A statement allowing the IAM principal `principalArn` `actions`; on `resource` when given
 * (a registry policy statement needs one, a repository policy statement takes none).
 */
export function allowStatement(
  sid: string,
  principalArn: string,
  actions: string[],
  resource?: string,
): Statement {
  return {
    Sid: sid,
    Effect: 'Allow',
    Principal: { AWS: principalArn },
    Action: actions,
    ...(resource === undefined ? {} : { Resource: resource }),
  };
}
