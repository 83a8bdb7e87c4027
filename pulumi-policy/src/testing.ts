import * as path from 'node:path';
import type {
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from '@pulumi/policy';
import * as pulumi from '@pulumi/pulumi';

// Policy tests the way @pulumi/policy's own tests run policies: build the validation
// arguments the engine would send, call the policy's `validateResource` / `validateStack`
// with a `reportViolation` that collects, and look at what was reported. The resources come
// from a real Pulumi program run under `pulumi.runtime.setMocks`.

/**
 * A resource a program registered, as the policy engine sees it.
 *
 * @public
 */
export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  /** What the program gave (resource policies see these). */
  readonly inputs: Record<string, unknown>;
  /** What the mock engine returned (stack policies see these). */
  readonly outputs: Record<string, unknown>;
}

/**
 * One reported violation.
 *
 * @public
 */
export interface PolicyViolation {
  readonly policy: string;
  readonly message: string;
  readonly urn?: string;
}

/**
 * How {@link recordProgram} answers the program's calls.
 *
 * @public
 */
export interface RecordOptions {
  /**
   * Account of `sts:GetCallerIdentity` for the provider named `provider` (undefined: the
   * default provider). Default: 111111111111 for every provider.
   */
  readonly callerAccount?: (provider: string | undefined) => string | undefined;
  /** Project name (the namespace of the program's config keys). Default: `policy-test`. */
  readonly project?: string;
  /** Stack name. Default: `test`. */
  readonly stack?: string;
}

/**
 * Policy configuration by policy name, as in `--policy-pack-config`.
 *
 * @public
 */
export type PolicyConfig = Record<string, Record<string, unknown>>;

const sdkDir = path.dirname(require.resolve('@pulumi/pulumi/package.json'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require(path.join(sdkDir, 'runtime', 'settings.js')) as {
  waitForRPCs(): Promise<void>;
};

/**
 * Runs `program` under mocks and returns every custom
 * resource it registered. Outputs are the inputs plus an `arn`, and for ECR repositories `name`
 * (the logical name when not given), `repositoryUrl` and `registryId`.
 *
 * @public
 */
export async function recordProgram(
  program: () => unknown,
  options: RecordOptions = {},
): Promise<RecordedResource[]> {
  const recorded: RecordedResource[] = [];
  const project = options.project ?? 'policy-test';
  const stack = options.stack ?? 'test';
  pulumi.runtime.setMocks(
    {
      newResource: args => {
        const outputs: Record<string, unknown> = {
          arn: `arn:aws:${args.type.split(':')[1]?.split('/')[0]}:eu-west-1:111111111111:${args.name}`,
          ...args.inputs,
        };
        if (args.type === 'aws:ecr/repository:Repository') {
          const name = (args.inputs.name as string | undefined) ?? args.name;
          outputs.name = name;
          outputs.arn = `arn:aws:ecr:eu-west-1:111111111111:repository/${name}`;
          outputs.repositoryUrl = `111111111111.dkr.ecr.eu-west-1.amazonaws.com/${name}`;
          outputs.registryId = '111111111111';
        }
        if (args.custom !== false) {
          recorded.push({
            type: args.type,
            name: args.name,
            urn: `urn:pulumi:${stack}::${project}::${args.type}::${args.name}`,
            inputs: args.inputs,
            outputs,
          });
        }
        return { id: `${args.name}-id`, state: outputs };
      },
      call: args =>
        args.token === 'aws:index/getCallerIdentity:getCallerIdentity'
          ? {
              accountId:
                options.callerAccount?.(
                  args.provider?.split('::').slice(-2)[0],
                ) ?? '111111111111',
            }
          : args.inputs,
    },
    project,
    stack,
    false,
  );
  await program();
  await settings.waitForRPCs();
  return recorded;
}

const noType = () => false;

function resourceArgs(
  resource: RecordedResource,
  config: Record<string, unknown>,
): ResourceValidationArgs {
  return {
    type: resource.type,
    name: resource.name,
    urn: resource.urn,
    props: resource.inputs,
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      additionalSecretOutputs: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    },
    stackTags: new Map(),
    isType: noType,
    asType: () => undefined,
    getConfig: <T extends object>() => config as T,
    notApplicable: (reason?: string): never => {
      throw new Error(`not applicable: ${reason ?? ''}`);
    },
  };
}

function stackArgs(
  resources: readonly RecordedResource[],
  config: Record<string, unknown>,
): StackValidationArgs {
  const policyResources: PolicyResource[] = resources.map(r => ({
    type: r.type,
    name: r.name,
    urn: r.urn,
    props: r.outputs,
    opts: resourceArgs(r, config).opts,
    dependencies: [],
    propertyDependencies: {},
    isType: noType,
    asType: () => undefined,
  }));
  return {
    resources: policyResources,
    stackTags: new Map(),
    getConfig: <T extends object>() => config as T,
    notApplicable: (reason?: string): never => {
      throw new Error(`not applicable: ${reason ?? ''}`);
    },
  };
}

/**
 * Runs one policy over `resources` as the engine would (each resource, or the stack).
 *
 * @public
 */
export async function runPolicy(
  policy: ResourceValidationPolicy | StackValidationPolicy,
  resources: readonly RecordedResource[],
  config: Record<string, unknown> = {},
): Promise<PolicyViolation[]> {
  const violations: PolicyViolation[] = [];
  const collect =
    (fallbackUrn?: string): ReportViolation =>
    (message, urn) => {
      violations.push({
        policy: policy.name,
        message,
        ...((urn ?? fallbackUrn) ? { urn: urn ?? fallbackUrn } : {}),
      });
    };
  if ('validateStack' in policy) {
    await policy.validateStack(stackArgs(resources, config), collect());
    return violations;
  }
  const validations = Array.isArray(policy.validateResource)
    ? policy.validateResource
    : policy.validateResource
      ? [policy.validateResource]
      : [];
  for (const resource of resources) {
    for (const validate of validations) {
      await validate(resourceArgs(resource, config), collect(resource.urn));
    }
  }
  return violations;
}

/**
 * Runs every policy of a pack over `resources`; `config` by policy name.
 *
 * @public
 */
export async function runPolicies(
  policies: readonly (ResourceValidationPolicy | StackValidationPolicy)[],
  resources: readonly RecordedResource[],
  config: PolicyConfig = {},
): Promise<PolicyViolation[]> {
  const all: PolicyViolation[] = [];
  for (const policy of policies) {
    if (policy.enforcementLevel === 'disabled') continue;
    all.push(...(await runPolicy(policy, resources, config[policy.name])));
  }
  return all;
}
