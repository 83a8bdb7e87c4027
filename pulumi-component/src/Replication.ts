import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { StandardViolation } from '@ecr-kit/ecr-standard';
import {
  EcrStandardError,
  partitionOf,
  registryKey,
  replicationRegistryStatement,
  throwIfViolations,
  validateReplicationRules,
} from '@ecr-kit/ecr-standard';
import type { ReplicatedRepositoryTemplate } from './creationTemplate';
import { createTemplate, resolveTemplate, roleFor } from './creationTemplate';
import { Registry, resolveRegistry } from './Registry';
import { findRegistry } from './registryClaims';
import type { RegistryReference, ReplicationDestination } from './schemaTypes';
import { requirePlain } from './schemaTypes';

/**
 * One replication rule.
 *
 * @public
 */
export interface ReplicationRule {
  /**
   * Registries that receive the images (another Region, another account, or both):
   * `Registry` components of this program, each with the provider of its account
   * (TypeScript), or their `accountId` and `region` (and, for another account,
   * `assumeRoleArn`).
   */
  readonly destinations: ReplicationDestination[];
  /** Repository name prefixes to replicate (PREFIX_MATCH). Default: all repositories. */
  readonly repositoryPrefixes?: string[];
}

/**
 * What a registry replicates, without the source registry.
 *
 * @public
 */
export interface ReplicationSettings {
  /** Replication rules (at most 10). */
  readonly rules: ReplicationRule[];
  /** How replicated repositories are created in each destination. Default: the standard. */
  readonly replicatedRepositories?: ReplicatedRepositoryTemplate;
  /** Create no `REPLICATION` creation templates (ECR's defaults then apply). Default: `false`. */
  readonly skipCreationTemplates?: boolean;
}

/**
 * Arguments of a `Replication`.
 *
 * @public
 */
export interface ReplicationArgs extends ReplicationSettings {
  /**
   * The source registry: a `Registry` component (TypeScript), or its `accountId` and
   * `region` (then this component owns the source's replication configuration).
   */
  readonly source: RegistryReference;
}

/**
 * Cross-Region and cross-account replication: the rules go to the source Registry; each
 * destination in another account gets a registry policy statement allowing the source
 * account `ecr:CreateRepository` and `ecr:ReplicateImage`; each destination gets a
 * `REPLICATION` creation template (and the role ECR needs to apply it). The source's
 * replication configuration waits for all of them.
 *
 * @public
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
    requirePlain(subject, args, ['source', 'rules', 'replicatedRepositories']);
    const source = resolveRegistry(
      subject,
      'source',
      args.source,
      this,
      name,
      opts,
    );
    const rules = args.rules ?? [];
    const violations: StandardViolation[] = [];
    rules.forEach((rule, i) =>
      (rule.destinations ?? []).forEach((d, j) => {
        if (typeof d?.accountId !== 'string' || typeof d?.region !== 'string') {
          violations.push({
            field: `rules[${i}].destinations[${j}]`,
            message: 'a destination needs its accountId and region',
            fix: 'list a Registry component, or give accountId and region (and assumeRoleArn for another account)',
          });
        }
      }),
    );
    throwIfViolations(subject, violations);
    violations.push(
      ...validateReplicationRules(
        source.identity,
        rules.map(rule => ({
          destinations: rule.destinations.map(d => ({
            accountId: d.accountId,
            region: d.region,
          })),
          ...(rule.repositoryPrefixes
            ? { repositoryPrefixes: rule.repositoryPrefixes }
            : {}),
        })),
      ),
    );
    const given = new Map<string, ReplicationDestination>();
    for (const rule of rules) {
      for (const d of rule.destinations) given.set(registryKey(d), d);
    }
    given.forEach((d, key) => {
      const known = d instanceof Registry || findRegistry(key) !== undefined;
      if (!known && d.accountId !== source.accountId && !d.assumeRoleArn) {
        violations.push({
          field: `destinations ${key}`,
          message: `the destination is in another account than the source (${source.accountId}) and no Registry of it is in the program, so there are no credentials to create its creation template and registry policy statement`,
          fix: `give assumeRoleArn (a role of account ${d.accountId} to deploy with), or list a Registry of that account with its provider`,
        });
      }
    });
    const templates = new Map<string, ReturnType<typeof resolveTemplate>>();
    if (!args.skipCreationTemplates) {
      for (const [key, destination] of given) {
        try {
          templates.set(
            key,
            resolveTemplate(
              subject,
              args.replicatedRepositories ?? {},
              'REPLICATION',
              {
                accountId: destination.accountId,
                region: destination.region,
                partition: partitionOf(destination.region).id,
              },
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
    // Every check passed: the destinations given by their fields get their Registry now.
    const unique = new Map<string, Registry>();
    for (const [key, d] of given) {
      unique.set(key, this.destination(subject, name, key, d, source));
    }
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
        destinations: rule.destinations.map(
          d => unique.get(registryKey(d))!.identity,
        ),
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

  /** The Registry of a destination; one given by its fields gets one, created here. */
  private destination(
    subject: string,
    name: string,
    key: string,
    destination: ReplicationDestination,
    source: Registry,
  ): Registry {
    const id = `${name}-${destination.accountId}-${destination.region}`;
    let provider: pulumi.ProviderResource | undefined;
    if (!(destination instanceof Registry) && findRegistry(key) === undefined) {
      provider =
        destination.accountId === source.accountId
          ? source.getProvider('aws:ecr/repository:Repository')
          : new aws.Provider(
              id,
              {
                region: destination.region as aws.Region,
                allowedAccountIds: [destination.accountId],
                assumeRoles: [{ roleArn: destination.assumeRoleArn! }],
              },
              { parent: this },
            );
    }
    return resolveRegistry(
      subject,
      `destinations ${key}`,
      destination,
      this,
      id,
      undefined,
      { parent: this, ...(provider ? { provider } : {}) },
    );
  }
}

/**
 * @deprecated Renamed `ReplicationRule` (the name other languages see); this alias goes in 1.0.
 *
 * @public
 */
export type ReplicationRuleArgs = ReplicationRule;
