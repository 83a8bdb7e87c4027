import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type {
  RegistryContribution,
  StandardViolation,
} from '@ecr-kit/ecr-standard';
import {
  mergeRegistryContributions,
  registryKey,
  throwIfViolations,
  validateRegistryIdentity,
} from '@ecr-kit/ecr-standard';
import { claimRegistryScoped } from './registryClaims';
import type { RegistryContributor } from './RegistryContributor';

/** Arguments of a {@link Registry}. */
export interface RegistryArgs {
  /** 12-digit account ID of the registry. */
  readonly accountId: string;
  /** Region of the registry; every singleton is created there (v7 per-resource `region`). */
  readonly region: string;
  /**
   * Components whose registry policy statements, replication rules and scanning apply to
   * this registry: `PullThroughCache`, `Replication`, `RegistryScanning`.
   */
  readonly contributors: RegistryContributor[];
}

/**
 * The registry-wide singletons of one account + Region: its ONE registry policy, ONE
 * replication configuration and ONE scanning configuration, each merged from every
 * contributor. A second `Registry` for the same account + Region in the program, or a
 * conflict between contributors, is a construction-time error.
 */
export class Registry extends pulumi.ComponentResource {
  readonly accountId: string;
  readonly region: string;
  /** Absent when no contributor adds a statement. */
  readonly registryPolicy: aws.ecr.RegistryPolicy | undefined;
  /** Absent when no contributor replicates. */
  readonly replicationConfiguration:
    aws.ecr.ReplicationConfiguration | undefined;
  /** Absent when no contributor configures scanning. */
  readonly scanningConfiguration:
    aws.ecr.RegistryScanningConfiguration | undefined;
  /** The merged registry policy text; absent without statements. */
  readonly policyText: string | undefined;

  constructor(
    name: string,
    args: RegistryArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('ecr-kit:index:Registry', name, {}, opts);
    const subject = `Registry "${name}"`;
    const identity = { accountId: args.accountId, region: args.region };
    throwIfViolations(subject, validateRegistryIdentity(identity, 'registry'));
    const key = registryKey(identity);
    claimRegistryScoped(
      `registry:${key}`,
      subject,
      `the registry policy, replication and scanning configuration of ${key}`,
      'create one Registry per account and Region and pass every contributor to it',
    );

    const contributions: RegistryContribution[] = [];
    const violations: StandardViolation[] = [];
    (args.contributors ?? []).forEach((contributor, i) => {
      const all = contributor.registryContributions();
      const mine = all.filter(c => registryKey(c.registry) === key);
      if (mine.length === 0) {
        violations.push({
          field: `contributors[${i}]`,
          message: `${all[0]?.contribution.owner ?? 'the contributor'} targets ${[
            ...new Set(all.map(c => registryKey(c.registry))),
          ].join(', ')}, not ${key}`,
          fix: 'pass the component to the Registry of the account and Region it targets',
        });
      }
      contributions.push(...mine.map(c => c.contribution));
    });
    const { settings, violations: conflicts } = mergeRegistryContributions(
      identity,
      contributions,
    );
    throwIfViolations(subject, [...violations, ...conflicts]);

    this.accountId = args.accountId;
    this.region = args.region;
    this.policyText = settings.policy
      ? JSON.stringify(settings.policy)
      : undefined;
    if (this.policyText !== undefined) {
      this.registryPolicy = new aws.ecr.RegistryPolicy(
        `${name}-policy`,
        { policy: this.policyText, region: args.region },
        { parent: this },
      );
    }
    if (settings.replicationRules.length > 0) {
      this.replicationConfiguration = new aws.ecr.ReplicationConfiguration(
        `${name}-replication`,
        {
          replicationConfiguration: {
            rules: settings.replicationRules.map(rule => ({
              destinations: rule.destinations.map(d => ({
                region: d.region,
                registryId: d.accountId,
              })),
              ...(rule.repositoryPrefixes?.length
                ? {
                    repositoryFilters: rule.repositoryPrefixes.map(filter => ({
                      filter,
                      filterType: 'PREFIX_MATCH',
                    })),
                  }
                : {}),
            })),
          },
          region: args.region,
        },
        { parent: this },
      );
    }
    if (settings.scanning !== undefined) {
      this.scanningConfiguration = new aws.ecr.RegistryScanningConfiguration(
        `${name}-scanning`,
        {
          scanType: settings.scanning.scanType,
          rules: settings.scanning.rules.map(rule => ({
            scanFrequency: rule.frequency,
            repositoryFilters: rule.filters.map(filter => ({
              filter,
              filterType: 'WILDCARD',
            })),
          })),
          region: args.region,
        },
        { parent: this },
      );
    }
    this.registerOutputs({
      accountId: this.accountId,
      region: this.region,
      policyText: this.policyText,
    });
  }
}
