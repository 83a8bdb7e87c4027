import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type {
  RegistryIdentity,
  StandardViolation,
} from '@ecr-kit/ecr-standard';
import {
  registryKey,
  replicationRegistryStatement,
  throwIfViolations,
  validateRegistryIdentity,
  validateReplicationRules,
} from '@ecr-kit/ecr-standard';
import type { CreationTemplateArgs } from './creationTemplate';
import { creationTemplateInputs } from './creationTemplate';
import { claimRegistryScoped } from './registryClaims';
import type {
  RegistryContributor,
  TargetedContribution,
} from './RegistryContributor';

/** A registry that receives replicated images. */
export interface ReplicationDestinationArgs {
  /** 12-digit account ID of the destination registry. */
  readonly accountId: string;
  /** Region of the destination registry. */
  readonly region: string;
  /**
   * Provider for the destination account; required when the account differs from the
   * source's. Default: the component's provider (same account, `region` set per resource).
   */
  readonly provider?: pulumi.ProviderResource;
}

/** One replication rule. */
export interface ReplicationRuleArgs {
  /** Destinations of the rule. */
  readonly destinations: ReplicationDestinationArgs[];
  /** Repository name prefixes to replicate (PREFIX_MATCH). Default: all repositories. */
  readonly repositoryPrefixes?: string[];
}

/** Arguments of a {@link Replication}. */
export interface ReplicationArgs {
  /** The source registry. */
  readonly source: RegistryIdentity;
  /** Replication rules. */
  readonly rules: ReplicationRuleArgs[];
  /** How replicated repositories are created in each destination. Default: the standard. */
  readonly replicatedRepositories?: CreationTemplateArgs;
  /** Create no `REPLICATION` creation templates. Default: `false`. */
  readonly skipCreationTemplates?: boolean;
}

/**
 * Cross-Region and cross-account replication: contributes the rules to the source
 * registry and the permission statement to every destination registry (each through its
 * `Registry`), and creates a `REPLICATION` creation template in every destination.
 */
export class Replication
  extends pulumi.ComponentResource
  implements RegistryContributor
{
  /** Creation templates by destination `<accountId>/<region>`. */
  readonly templates: Record<string, aws.ecr.RepositoryCreationTemplate>;
  /** Destination registries as `<accountId>/<region>`. */
  readonly destinations: string[];
  private readonly contributions: TargetedContribution[];

  constructor(
    name: string,
    args: ReplicationArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('ecr-kit:index:Replication', name, {}, opts);
    const subject = `Replication "${name}"`;
    const rules = args.rules ?? [];
    const violations: StandardViolation[] = validateRegistryIdentity(
      args.source,
      'source',
    );
    if (violations.length === 0) {
      violations.push(...validateReplicationRules(args.source, rules));
    }
    const unique = new Map<string, ReplicationDestinationArgs>();
    rules.forEach((rule, i) =>
      rule.destinations.forEach((d, j) => {
        const key = registryKey(d);
        const known = unique.get(key);
        if (
          d.accountId !== args.source?.accountId &&
          d.provider === undefined &&
          known?.provider === undefined
        ) {
          violations.push({
            field: `rules[${i}].destinations[${j}].provider`,
            message: `destination ${key} is in another account but has no provider`,
            fix: 'pass an aws.Provider for the destination account as provider',
          });
        }
        if (
          !known ||
          (known.provider === undefined && d.provider !== undefined)
        )
          unique.set(key, d);
      }),
    );
    throwIfViolations(subject, violations);

    this.templates = {};
    this.destinations = [...unique.keys()];
    const contributions: TargetedContribution[] = [
      {
        registry: args.source,
        contribution: {
          owner: subject,
          replicationRules: rules.map(rule => ({
            destinations: rule.destinations.map(d => ({
              accountId: d.accountId,
              region: d.region,
            })),
            ...(rule.repositoryPrefixes
              ? { repositoryPrefixes: rule.repositoryPrefixes }
              : {}),
          })),
        },
      },
    ];
    for (const [key, destination] of unique) {
      const registry = {
        accountId: destination.accountId,
        region: destination.region,
      };
      contributions.push({
        registry,
        contribution: {
          owner: subject,
          policyStatements: [
            replicationRegistryStatement(args.source.accountId, registry),
          ],
        },
      });
      if (!args.skipCreationTemplates) {
        claimRegistryScoped(
          `creation-template:${key}:ROOT`,
          subject,
          `repository creation template "ROOT" of registry ${key}`,
          'let only one Replication component create the REPLICATION template of a destination',
        );
        this.templates[key] = new aws.ecr.RepositoryCreationTemplate(
          `${name}-${destination.accountId}-${destination.region}-template`,
          creationTemplateInputs(
            subject,
            args.replicatedRepositories ?? {},
            'ROOT',
            'REPLICATION',
            `ecr-kit standard for repositories replicated from ${registryKey(args.source)}`,
            destination.region,
          ),
          {
            parent: this,
            ...(destination.provider ? { provider: destination.provider } : {}),
          },
        );
      }
    }
    this.contributions = contributions;
    this.registerOutputs({ destinations: this.destinations });
  }

  registryContributions(): readonly TargetedContribution[] {
    return this.contributions;
  }
}
