import type {
  PolicyConfigSchema,
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from '@pulumi/policy';
import type { StandardViolation } from '@ecr-kit/ecr-standard';
import {
  EcrStandardError,
  ScanFrequency,
  cachedTagMutabilityViolations,
  encryptionViolations,
  forceDeleteViolations,
  lifecyclePolicyViolations,
  publicPrincipalViolations,
  replicatedTagImmutabilityViolations,
  scanOnPushViolations,
  tagImmutabilityViolations,
  templateRoleViolations,
  wildcardFilterMatches,
} from '@ecr-kit/ecr-standard';
import { policyStatements, repositoryFacts, templateFacts } from './resources';
import type { EcrPolicyOptions, ExceptionConfig } from './types';
import { ECR_TYPES, POLICY_NAMES } from './types';

type Props = Record<string, unknown>;

const exceptionsSchema = {
  exceptions: {
    type: 'array',
    items: { type: 'string' },
    default: [],
    description:
      'Resources to skip: logical names, URNs, ECR repository names or template prefixes; * matches any characters.',
  },
} as const;

function configSchema(
  properties: PolicyConfigSchema['properties'] = {},
): PolicyConfigSchema {
  return { properties: { ...exceptionsSchema, ...properties } };
}

/** `aws:ecr/repository:Repository` → `aws.ecr.Repository`. */
function typeLabel(type: string): string {
  const [pkg, rest] = type.split(':');
  const module = rest?.split('/')[0];
  const name = type.split(':')[2];
  return module ? `${pkg}.${module}.${name}` : type;
}

/** What a message calls a resource: its type, logical name and ECR name. */
function subject(resource: { type: string; name: string; props: Props }) {
  const ecrName = resource.props.name ?? resource.props.prefix;
  return `${typeLabel(resource.type)} "${resource.name}"${
    typeof ecrName === 'string' && ecrName !== resource.name
      ? ` (${ecrName})`
      : ''
  }`;
}

function excepted(
  resource: { name: string; urn: string; props: Props },
  config: ExceptionConfig,
): boolean {
  const names = [
    resource.name,
    resource.urn,
    resource.props.name,
    resource.props.prefix,
    resource.props.repository,
  ].filter((n): n is string => typeof n === 'string');
  return (config.exceptions ?? []).some(pattern =>
    names.some(name => wildcardFilterMatches(pattern, name)),
  );
}

/** Reports each violation as `<subject>: <field>: <message>; <fix>` (the standard's format). */
function report(
  reportViolation: ReportViolation,
  resource: { type: string; name: string; props: Props },
  violations: readonly StandardViolation[],
  urn?: string,
): void {
  for (const violation of violations) {
    reportViolation(
      new EcrStandardError(subject(resource), [violation]).message,
      urn,
    );
  }
}

/** A resource policy over some ECR types, skipping excepted resources. */
function resourcePolicy<C extends ExceptionConfig>(
  name: string,
  description: string,
  options: EcrPolicyOptions,
  types: readonly string[],
  check: (
    props: Props,
    config: C,
    args: ResourceValidationArgs,
  ) => StandardViolation[],
  schema: PolicyConfigSchema['properties'] = {},
): ResourceValidationPolicy {
  return {
    name,
    description,
    enforcementLevel: options.enforcementLevel ?? 'mandatory',
    configSchema: configSchema(schema),
    validateResource: (args, reportViolation) => {
      if (!types.includes(args.type)) return;
      const config = args.getConfig<C>();
      if (excepted(args, config)) return;
      report(reportViolation, args, check(args.props, config, args));
    },
  };
}

/**
 * A stack policy over the stack's repositories, skipping excepted ones; `check` sees every
 * resource of the stack, for the settings other resources give a repository.
 */
function repositoryStackPolicy(
  name: string,
  description: string,
  options: EcrPolicyOptions,
  check: (
    repository: PolicyResource,
    resources: readonly PolicyResource[],
  ) => StandardViolation[],
): StackValidationPolicy {
  return {
    name,
    description,
    enforcementLevel: options.enforcementLevel ?? 'mandatory',
    configSchema: configSchema(),
    validateStack: (args, reportViolation) => {
      const config = args.getConfig<ExceptionConfig>();
      for (const repository of args.resources) {
        if (repository.type !== ECR_TYPES.repository) continue;
        if (excepted(repository, config)) continue;
        report(
          reportViolation,
          repository,
          check(repository, args.resources),
          repository.urn,
        );
      }
    },
  };
}

interface TagImmutabilityConfig extends ExceptionConfig {
  readonly allowExclusions?: boolean;
}
interface EncryptionConfig extends ExceptionConfig {
  readonly requireKms?: boolean;
  readonly kmsKeyRequired?: boolean;
}
interface CachedMutabilityConfig extends ExceptionConfig {
  readonly allowImmutableCachedTags?: boolean;
}

/** Whether a registry scanning configuration of the stack scans `repository` when pushed. */
function scannedByRegistry(
  repository: PolicyResource,
  resources: readonly PolicyResource[],
): boolean {
  const name = repository.props.name;
  return resources.some(
    r =>
      r.type === ECR_TYPES.registryScanningConfiguration &&
      (r.props.region === undefined ||
        repository.props.region === undefined ||
        r.props.region === repository.props.region) &&
      (Array.isArray(r.props.rules) ? (r.props.rules as Props[]) : []).some(
        rule =>
          (rule.scanFrequency === ScanFrequency.ScanOnPush ||
            rule.scanFrequency === ScanFrequency.ContinuousScan) &&
          (Array.isArray(rule.repositoryFilters)
            ? (rule.repositoryFilters as Props[])
            : []
          ).some(
            f =>
              typeof f.filter === 'string' &&
              (f.filter === '*' ||
                (typeof name === 'string' &&
                  wildcardFilterMatches(f.filter, name))),
          ),
      ),
  );
}

/** Whether `policy` (a lifecycle policy) is attached to `repository`. */
function attachedTo(
  policy: PolicyResource,
  repository: PolicyResource,
): boolean {
  const byDependency = (policy.propertyDependencies?.repository ?? []).some(
    r => r.urn === repository.urn,
  );
  const name = repository.props.name;
  return (
    byDependency ||
    (typeof name === 'string' && policy.props.repository === name)
  );
}

/**
 * The ecr-kit standard as Pulumi policies over raw `aws:ecr/*` resources, whichever program
 * (and language) created them. Each rule comes from `@ecr-kit/ecr-standard`.
 *
 * @public
 */
export function ecrPolicies(
  options: EcrPolicyOptions = {},
): (ResourceValidationPolicy | StackValidationPolicy)[] {
  return [
    resourcePolicy<TagImmutabilityConfig>(
      POLICY_NAMES.tagImmutability,
      'ECR repositories (and templates of replicated repositories) keep tags immutable, or immutable with exclusion filters.',
      options,
      [ECR_TYPES.repository, ECR_TYPES.repositoryCreationTemplate],
      (props, config, args) => {
        const allow = { allowExclusions: config.allowExclusions ?? true };
        return args.type === ECR_TYPES.repository
          ? tagImmutabilityViolations(repositoryFacts(props), allow)
          : replicatedTagImmutabilityViolations(templateFacts(props), allow);
      },
      {
        allowExclusions: {
          type: 'boolean',
          default: true,
          description:
            'Accept IMMUTABLE_WITH_EXCLUSION (tags matching the exclusion filters may move).',
        },
      },
    ),
    repositoryStackPolicy(
      POLICY_NAMES.scanOnPush,
      'ECR repositories scan images on push, or a registry scanning configuration of the stack scans them.',
      options,
      (repository, resources) =>
        scanOnPushViolations(
          repositoryFacts(repository.props),
          scannedByRegistry(repository, resources),
        ),
    ),
    resourcePolicy<EncryptionConfig>(
      POLICY_NAMES.encryption,
      'ECR repositories and creation templates are encrypted as the organization requires (AES256, or KMS where configured).',
      options,
      [ECR_TYPES.repository, ECR_TYPES.repositoryCreationTemplate],
      (props, config) =>
        encryptionViolations(repositoryFacts(props), {
          requireKms: config.requireKms ?? false,
          kmsKeyRequired: config.kmsKeyRequired ?? false,
        }),
      {
        requireKms: {
          type: 'boolean',
          default: false,
          description: 'Require KMS encryption.',
        },
        kmsKeyRequired: {
          type: 'boolean',
          default: false,
          description:
            "With requireKms: require a customer managed key (kmsKey), not ECR's AWS managed key.",
        },
      },
    ),
    repositoryStackPolicy(
      POLICY_NAMES.lifecyclePolicy,
      'Every ECR repository has a lifecycle policy, so untagged and old images do not pile up.',
      options,
      (repository, resources) =>
        lifecyclePolicyViolations(
          resources.some(
            r =>
              r.type === ECR_TYPES.lifecyclePolicy && attachedTo(r, repository),
          ),
        ),
    ),
    resourcePolicy<ExceptionConfig>(
      POLICY_NAMES.noPublicPrincipal,
      'Repository and registry policies grant no "*" (public) principal without a condition naming who.',
      options,
      [ECR_TYPES.repositoryPolicy, ECR_TYPES.registryPolicy],
      props => {
        const statements = policyStatements(props.policy);
        if (statements === undefined) return [];
        if (statements === 'invalid') {
          return [
            {
              field: 'policy',
              message: 'the policy is not a JSON policy document',
              fix: 'give JSON.stringify({ Version: "2012-10-17", Statement: [...] })',
            },
          ];
        }
        return publicPrincipalViolations(statements);
      },
    ),
    resourcePolicy<ExceptionConfig>(
      POLICY_NAMES.forceDelete,
      'ECR repositories keep forceDelete off, so deleting one never deletes its images.',
      options,
      [ECR_TYPES.repository],
      props => forceDeleteViolations(repositoryFacts(props)),
    ),
    resourcePolicy<ExceptionConfig>(
      POLICY_NAMES.templateRole,
      'Repository creation templates that tag or use KMS name the role ECR needs to apply them.',
      options,
      [ECR_TYPES.repositoryCreationTemplate],
      props => templateRoleViolations(templateFacts(props)),
    ),
    resourcePolicy<CachedMutabilityConfig>(
      POLICY_NAMES.cachedMutability,
      'Creation templates of pull-through-cache repositories keep tags mutable, so cached tags follow their upstream.',
      options,
      [ECR_TYPES.repositoryCreationTemplate],
      (props, config) =>
        cachedTagMutabilityViolations(templateFacts(props), {
          allowImmutableCachedTags: config.allowImmutableCachedTags ?? false,
        }),
      {
        allowImmutableCachedTags: {
          type: 'boolean',
          default: false,
          description:
            'Accept immutable cached repositories (cached tags then never receive upstream fixes).',
        },
      },
    ),
  ];
}
