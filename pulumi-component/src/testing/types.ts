import type { ECRClient } from '@aws-sdk/client-ecr';
import type { Fixture, LocalEcrApi } from '@ecr-kit/local-ecr-api';

/**
 * Options of {@link startSimulatedAws}.
 *
 * @public
 */
export interface SimulatedAwsOptions {
  /**
   * Account IDs the program deploys to. The first is the account of the default provider
   * and of providers that name no account (`allowedAccountIds` or an assumed role's ARN).
   */
  readonly accounts: readonly string[];
  /** Region of providers and resources that name none. Default: `eu-west-1`. */
  readonly region?: string;
  /**
   * What exists before the program runs, for the simulator: upstream registries and their
   * images, registries of other accounts, principals (see local-ecr-api's README).
   */
  readonly fixture?: Fixture;
  /** Secrets Manager secret ARNs that exist (with credentials the upstream accepts). */
  readonly secrets?: readonly string[];
  /** KMS key ARNs that exist. */
  readonly kmsKeys?: readonly string[];
  /**
   * IAM role ARNs that exist outside the program, trusted by whatever service assumes them
   * and allowed whatever it needs. Roles the program creates are checked instead.
   */
  readonly roles?: readonly string[];
  /** Stack configuration, `<project>:<key>` → value. Default: none. */
  readonly config?: Readonly<Record<string, string>>;
  /** Configuration keys that are secrets. Default: none. */
  readonly secretConfigKeys?: readonly string[];
  /** Pulumi project name (for config keys). Default: `ecr-kit`. */
  readonly project?: string;
  /** Clock of the simulator in epoch seconds. Default: the system's. */
  readonly now?: () => number;
}

/**
 * A resource the program registered, as the simulated `pulumi up` created it.
 *
 * @public
 */
export interface AppliedResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  /** The outputs returned from the simulator's responses. */
  readonly outputs: Record<string, unknown>;
  readonly accountId: string;
  readonly region: string;
}

/**
 * A resource that ECR (or the harness's IAM) refused, as `pulumi up` would report it.
 *
 * @public
 */
export interface ResourceFailure {
  readonly type: string;
  readonly name: string;
  /** `<ErrorName>: <message>` of the refusal. */
  readonly error: string;
}

/**
 * What one simulated `pulumi up` produced.
 *
 * @public
 */
export interface UpResult {
  readonly resources: AppliedResource[];
  readonly failures: ResourceFailure[];
}

/**
 * The ECR simulator with a Pulumi program applied to it.
 *
 * @public
 */
export interface SimulatedAws {
  /** The running simulator: `simulate.pull/push`, `world`, `store`. */
  readonly api: LocalEcrApi;
  /** An SDK client acting as the root of `accountId` in `region`. */
  ecr(accountId: string, region?: string): ECRClient;
  /**
   * Runs `program` (which constructs the components, or `require`s a Pulumi program) under
   * `pulumi.runtime.setMocks`, creating every resource on the simulator; resolves once the
   * program has settled.
   */
  up(program: () => unknown): Promise<UpResult>;
  /** Stops the simulator. */
  stop(): Promise<void>;
}
