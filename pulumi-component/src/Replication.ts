import type * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { StandardViolation } from '@ecr-kit/ecr-standard';
import {
  EcrStandardError,
  registryKey,
  replicationRegistryStatement,
  throwIfViolations,
  validateReplicationRules,
} from '@ecr-kit/ecr-standard';
import type { CreationTemplateArgs } from './creationTemplate';
import { createTemplate, resolveTemplate, roleFor } from './creationTemplate';
import { noOwnProvider } from './noOwnProvider';
import { Registry } from './Registry';

/** One replication rule. */
export interface ReplicationRuleArgs {
  /**
   * Registries that receive the images: `Registry` components of this program (another
   * Region, another account, or both), each with the provider of its account.
   */
  readonly destinations: Registry[];
  /** Repository name prefixes to replicate (PREFIX_MATCH). Default: all repositories. */
  readonly repositoryPrefixes?: string[];
}

/** Arguments of a {@link Replication}. */
export interface ReplicationArgs {
  /** The source registry. */
  readonly source: Registry;
  /** Replication rules. */
  readonly rules: ReplicationRuleArgs[];
  /** How replicated repositories are created in each destination. Default: the standard. */
  readonly replicatedRepositories?: CreationTemplateArgs;
  /** Create no `REPLICATION` creation templates (ECR's defaults then apply). Default: `false`. */
  readonly skipCreationTemplates?: boolean;
}

/**
 * Cross-Region and cross-account replication: the rules go to the source Registry; each
 * destination in another account gets a registry policy statement allowing the source
 * account `ecr:CreateRepository` and `ecr:ReplicateImage`; each destination gets a
 * `REPLICATION` creation template (and the role ECR needs to apply it). The source's
 * replication configuration waits for all of them.
 */
export class Replication extends pulumi.ComponentResource {
  /** Creation templates by destination `<accountId>/<region>`. */
  readonly templates: Record<string, aws.ecr.RepositoryCreationTemplate>;
  /** Destination registries as `<accountId>/<region>`. */
  readonly destinations: string[];

  constructor(
    name: string,
    args: ReplicationArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('ecr-kit:index:Replication', name, {}, opts);
    const subject = `Replication "${name}"`;
    noOwnProvider(subject, opts);
    const source = args.source;
    const rules = args.rules ?? [];
    const violations: StandardViolation[] = [];
    if (!(source instanceof Registry)) {
      violations.push({
        field: 'source',
        message: 'the source Registry is required',
        fix: 'create a Registry for the source account and Region and pass it as source',
      });
    }
    rules.forEach((rule, i) =>
      rule.destinations.forEach((d, j) => {
        if (!(d instanceof Registry)) {
          violations.push({
            field: `rules[${i}].destinations[${j}]`,
            message: 'a destination must be a Registry of this program',
            fix: 'create a Registry (with the provider of its account) for every destination and list it here',
          });
        }
      }),
    );
    throwIfViolations(subject, violations);
    violations.push(
      ...validateReplicationRules(
        source.identity,
        rules.map(rule => ({
          destinations: rule.destinations.map(d => d.identity),
          ...(rule.repositoryPrefixes
            ? { repositoryPrefixes: rule.repositoryPrefixes }
            : {}),
        })),
      ),
    );
    const unique = new Map<string, Registry>();
    for (const rule of rules) {
      for (const d of rule.destinations) unique.set(registryKey(d.identity), d);
    }
    const templates = new Map<string, ReturnType<typeof resolveTemplate>>();
    if (!args.skipCreationTemplates) {
      for (const [key, destination] of unique) {
        try {
          templates.set(
            key,
            resolveTemplate(
              subject,
              args.replicatedRepositories ?? {},
              'REPLICATION',
              destination,
              'replicatedRepositories',
            ),
          );
        } catch (error) {
          if (!(error instanceof EcrStandardError)) throw error;
          violations.push(
            ...error.violations.map(v => ({
              ...v,
              message: `${v.message} (destination ${key})`,
            })),
          );
        }
      }
    }
    throwIfViolations(subject, violations);
    for (const [key, destination] of unique) {
      if (templates.has(key)) {
        destination.claim(
          'creation-template:ROOT',
          subject,
          `repository creation template "ROOT" of registry ${key}`,
          'let only one Replication component create the REPLICATION template of a destination',
        );
      }
    }

    // Another account's registry must let the source account replicate (and create the
    // repositories), or every replication to it fails.
    const grants = [...unique.values()]
      .filter(d => d.accountId !== source.accountId)
      .map(destination => ({
        destination,
        contribution: {
          owner: subject,
          policyStatements: [
            replicationRegistryStatement(
              source.accountId,
              destination.identity,
            ),
          ],
        },
      }));
    const rulesContribution = {
      owner: subject,
      replicationRules: rules.map(rule => ({
        destinations: rule.destinations.map(d => d.identity),
        ...(rule.repositoryPrefixes
          ? { repositoryPrefixes: rule.repositoryPrefixes }
          : {}),
      })),
    };
    // Conflicts with other contributors throw before anything is created.
    for (const grant of grants) grant.destination.check(grant.contribution);
    source.check(rulesContribution);

    this.templates = {};
    this.destinations = [...unique.keys()];
    const ready: pulumi.Resource[] = [];
    for (const { destination, contribution } of grants) {
      destination.contribute({ contribution });
      if (destination.registryPolicy) ready.push(destination.registryPolicy);
    }
    for (const [key, destination] of unique) {
      const template = templates.get(key);
      if (template) {
        const id = `${name}-${destination.accountId}-${destination.region}`;
        const role = roleFor(template, `${id}-templates`, destination, this);
        this.templates[key] = createTemplate(
          `${id}-template`,
          template,
          'ROOT',
          `ecr-kit standard for repositories replicated from ${registryKey(source.identity)}`,
          role,
          destination,
          this,
        );
        ready.push(this.templates[key]);
      }
    }
    source.contribute({ contribution: rulesContribution, dependsOn: ready });
    this.registerOutputs({ destinations: this.destinations });
  }
}
