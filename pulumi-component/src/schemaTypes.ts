import * as pulumi from '@pulumi/pulumi';
import { EcrStandardError } from '@ecr-kit/ecr-standard';
import type {
  LifecycleActionType,
  LifecycleCountType,
  LifecycleRule,
  LifecycleStorageClass,
  LifecycleTagStatus,
  PolicyEffect,
  PolicyStatement,
} from '@ecr-kit/ecr-standard';

// Arguments shared by several components, in shapes that Pulumi's schema can express (no
// readonly arrays, no unions of shapes, no `unknown`), so that Python, Go, .NET and YAML
// programs can give them too. Every field keeps its TypeScript meaning: values of the
// standard's own types are accepted as they are.

/**
 * One lifecycle rule (see `@ecr-kit/ecr-standard`'s `LifecycleRule`). Checked as ECR checks
 * it when the component is constructed.
 *
 * @public
 */
export interface RepositoryLifecycleRule {
  /** Shown in the console and in error messages. Default: none. */
  readonly description?: string;
  /**
   * Evaluation order, lowest first. Default: assigned in list order (an `any` rule gets the
   * highest priority).
   */
  readonly priority?: number;
  /** Which images the rule selects by tag. */
  readonly tagStatus: LifecycleTagStatus;
  /** What the rule counts. */
  readonly countType: LifecycleCountType;
  /** Image count or number of days, a positive integer. */
  readonly countNumber: number;
  /**
   * Storage class of the images the rule selects. Default: `archive` for
   * `sinceImageTransitioned`, otherwise `standard`.
   */
  readonly storageClass?: LifecycleStorageClass;
  /** What happens to them. Default: `expire`; `transition` moves them to `archive`. */
  readonly action?: LifecycleActionType;
  /** Tag prefixes (`tagged` only). Default: none. */
  readonly tagPrefixList?: string[];
  /** Tag patterns with up to 4 `*` wildcards each (`tagged` only). Default: none. */
  readonly tagPatternList?: string[];
  /**
   * Unit of the `since…` count types; only `days` exists. Default: `days` for them, absent
   * for `imageCountMoreThan`.
   */
  readonly countUnit?: string;
}

/**
 * One IAM policy statement of a repository policy, with the element names of IAM's policy
 * grammar. `Principal`, `Action`, `Condition`… take what IAM takes (a string or a list, an
 * object of principals), so they are untyped here; the standard checks them.
 *
 * @public
 */
export interface RepositoryPolicyStatement {
  /** Statement id: letters, digits, spaces and hyphens, unique. Default: none. */
  readonly Sid?: string;
  /** `Allow` or `Deny`. */
  readonly Effect: PolicyEffect;
  /** Who the statement applies to, e.g. `{ "AWS": "arn:aws:iam::222222222222:root" }`. Default: none. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- IAM's grammar, checked by the standard
  readonly Principal?: any;
  /** Everyone except these principals. Default: none. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- IAM's grammar, checked by the standard
  readonly NotPrincipal?: any;
  /** An action or a list of actions, e.g. `ecr:BatchGetImage`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- IAM's grammar, checked by the standard
  readonly Action: any;
  /** Not allowed in a repository policy (ECR refuses it). Default: none. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- IAM's grammar, checked by the standard
  readonly Resource?: any;
  /** Not allowed in a repository policy (ECR refuses it). Default: none. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- IAM's grammar, checked by the standard
  readonly NotResource?: any;
  /** Condition operators to keys to values. Default: none. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- IAM's grammar, checked by the standard
  readonly Condition?: any;
}

/**
 * The registry (account + Region) a contributor writes to. From TypeScript, pass the
 * `Registry` component itself (it has both fields); from other languages, or without a
 * `Registry` in the program, give the two fields: the contributor then owns that registry's
 * singletons alone (a second owner in the program throws).
 *
 * @public
 */
export interface RegistryReference {
  /** 12-digit account ID of the registry. */
  readonly accountId: string;
  /** Region of the registry. */
  readonly region: string;
}

/**
 * A replication destination: a registry, and how to deploy to it when it is another account's.
 *
 * @public
 */
export interface ReplicationDestination extends RegistryReference {
  /**
   * IAM role of the destination account that the deployment assumes to create the
   * destination's creation template, role and registry policy statement (a provider is
   * created with it). Needed for a destination in another account given by its fields, not
   * for a `Registry` component (which has its own provider). Default: none.
   */
  readonly assumeRoleArn?: string;
}

/**
 * A rule of the standard's type as these arguments (the compiler checks the shapes agree).
 *
 * @public
 */
export const toRepositoryLifecycleRule: (
  rule: LifecycleRule,
) => RepositoryLifecycleRule = rule => ({
  ...rule,
  tagPrefixList: rule.tagPrefixList && [...rule.tagPrefixList],
  tagPatternList: rule.tagPatternList && [...rule.tagPatternList],
});

/** Lifecycle rules as the standard takes them (`countUnit` is checked there). */
export function standardLifecycleRules(
  rules: readonly RepositoryLifecycleRule[] | undefined,
): LifecycleRule[] | undefined {
  return rules?.map(rule => rule as LifecycleRule);
}

const STATEMENT_ELEMENTS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
] as const;

/**
 * Policy statements as the standard takes them (every element is checked there), with their
 * elements in IAM's order: a statement decoded by the provider host has its keys sorted, and
 * the policy text must not depend on the language of the program.
 */
export function standardPolicyStatements(
  statements: readonly RepositoryPolicyStatement[] | undefined,
): PolicyStatement[] | undefined {
  return statements?.map(statement => {
    const source = statement as unknown as Record<string, unknown>;
    const ordered: Record<string, unknown> = {};
    for (const key of STATEMENT_ELEMENTS) {
      if (source[key] !== undefined) ordered[key] = source[key];
    }
    for (const key of Object.keys(source).sort()) {
      if (!(key in ordered)) ordered[key] = source[key];
    }
    return ordered as unknown as PolicyStatement;
  });
}

/** What {@link requirePlain} suggests where upstream credentials are a likely cause. */
export const CREDENTIALS_HINT =
  '; for upstream credentials from another language, store them in a secret and give credentialArn';

/**
 * Throws when settings the component validates at construction arrived as Outputs. Through
 * the component provider (Python, Go, .NET, YAML), an argument that holds a secret or a
 * value of another resource anywhere inside it arrives as one Output, which cannot be checked
 * before the deployment runs.
 */
export function requirePlain(
  subject: string,
  args: object,
  fields: readonly string[],
  hint = '',
): void {
  const values = args as Record<string, unknown>;
  const outputs = fields.filter(field =>
    pulumi.Output.isInstance(values[field]),
  );
  if (outputs.length > 0) {
    throw new EcrStandardError(
      subject,
      outputs.map(field => ({
        field,
        message:
          "arrived as an Output: it holds a secret or another resource's output, and it is checked when the component is constructed",
        fix: `give plain values here${hint}`,
      })),
    );
  }
}
