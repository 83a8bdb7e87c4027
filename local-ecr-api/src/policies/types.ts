/** Which ECR API stores the policy: SetRepositoryPolicy or PutRegistryPolicy. */
export type PolicyKind = 'repository' | 'registry';

/**
 * The account setting `REGISTRY_POLICY_SCOPE`: V1 limits a registry policy to replication and
 * pull-through-cache actions, V2 (the default for new registries) takes every ECR action.
 */
export type RegistryPolicyScope = 'V1' | 'V2';

/** A policy element that holds one value or a list of them. */
export type OneOrMany<T> = T | readonly T[];

/** The values a condition may compare against (JSON strings, numbers and booleans). */
export type ConditionValue = string | number | boolean;

/** `operator → condition key → value(s)`, e.g. `{ StringEquals: { 'aws:PrincipalOrgID': 'o-1' } }`. */
export type PolicyCondition = Readonly<
  Record<string, Readonly<Record<string, OneOrMany<ConditionValue>>>>
>;

/** `"*"` or a map of principal type to identifiers. */
export type PolicyPrincipal =
  | '*'
  | {
      readonly AWS?: OneOrMany<string>;
      readonly Service?: OneOrMany<string>;
      readonly Federated?: OneOrMany<string>;
    };

/** One statement, as validated: exactly one of each Principal/Action pair is set. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: PolicyPrincipal;
  readonly NotPrincipal?: PolicyPrincipal;
  readonly Action?: OneOrMany<string>;
  readonly NotAction?: OneOrMany<string>;
  readonly Resource?: OneOrMany<string>;
  readonly NotResource?: OneOrMany<string>;
  readonly Condition?: PolicyCondition;
}

/** A validated repository or registry policy; `Statement` is always a list here. */
export interface PolicyDocument {
  readonly Version?: '2012-10-17' | '2008-10-17';
  readonly Id?: string;
  readonly Statement: readonly PolicyStatement[];
}

/** Options of `validatePolicyDocument`. */
export interface ValidatePolicyOptions {
  /** The registry's `REGISTRY_POLICY_SCOPE`; only read for registry policies. Default: `V2`. */
  readonly registryPolicyScope?: RegistryPolicyScope;
}

/** One request to authorize against a resource-based policy. */
export interface PolicyRequest {
  /**
   * Who calls: an IAM user or role ARN, an account root ARN, an STS assumed-role session ARN
   * (`arn:aws:sts::<account>:assumed-role/<role>/<session>`), or a service principal name such
   * as `lambda.amazonaws.com`.
   */
  readonly principalArn: string;
  /** The caller's account (ignored for a service principal). */
  readonly principalAccountId: string;
  /** The action, e.g. `ecr:BatchGetImage`. */
  readonly action: string;
  /** The resource acted on, e.g. `arn:aws:ecr:eu-west-1:111122223333:repository/team/app`. */
  readonly resourceArn: string;
  /** `aws:PrincipalOrgID`: the caller's AWS Organizations ID, when its account is in one. */
  readonly principalOrgId?: string;
  /**
   * For an assumed-role session: the role's ARN, path included. A session ARN carries no role
   * path, so without this `aws:PrincipalArn` is unknown for sessions.
   */
  readonly roleArn?: string;
}

/** The outcome of one resource-based policy: explicit deny beats allow beats nothing. */
export type PolicyDecision = 'allow' | 'deny' | 'implicit-deny';
