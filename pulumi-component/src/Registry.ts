import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type {
  MergedRegistrySettings,
  RegistryContribution,
  RegistryIdentity,
} from '@ecr-kit/ecr-standard';
import {
  EcrStandardError,
  mergeRegistryContributions,
  partitionOf,
  registryKey,
  throwIfViolations,
  validateRegistryIdentity,
} from '@ecr-kit/ecr-standard';
import { claimRegistryScoped } from './registryClaims';

/** Arguments of a {@link Registry}. */
export interface RegistryArgs {
  /**
   * 12-digit account ID of the registry. Checked against the account of the provider's
   * credentials when the program runs (preview included): a mismatch fails the singletons.
   */
  readonly accountId: string;
  /** Region of the registry; every singleton is created there (v7 per-resource `region`). */
  readonly region: string;
}

type Singleton = 'policy' | 'replication' | 'scanning';

/** What a contributor hands its Registry, and what the singleton must wait for. */
export interface RegistryContributionWithDependencies {
  readonly contribution: RegistryContribution;
  /**
   * Resources the singletons this contribution shapes must be created after, e.g. the
   * REPLICATION templates (and their roles) of every destination before the source's
   * replication configuration, so that no replicated repository is created without them.
   */
  readonly dependsOn?: readonly pulumi.Resource[];
}

/**
 * The registry-wide singletons of one account + Region: its ONE registry policy, ONE
 * replication configuration and ONE scanning configuration. `PullThroughCache`,
 * `Replication` and `RegistryScanning` take the Registry as an argument and contribute to
 * it, so a contributor cannot exist without the Registry it targets; every contribution is
 * validated against the others when it is made (conflicts throw, naming both components).
 *
 * The singletons are written once the program has constructed its components: contributions
 * must be made in the same synchronous part of the program as the Registry (not inside an
 * `apply` or after an `await`); a late one throws.
 */
export class Registry extends pulumi.ComponentResource {
  readonly accountId: string;
  readonly region: string;
  /** Partition id of the registry: `aws`, `aws-cn`, `aws-us-gov`, … */
  readonly partition: string;
  /** The merged registry policy text; `undefined` without statements. */
  readonly policyText: pulumi.Output<string | undefined>;
  /** Created with the first contributed statement. */
  registryPolicy: aws.ecr.RegistryPolicy | undefined;
  /** Created with the first contributed replication rule. */
  replicationConfiguration: aws.ecr.ReplicationConfiguration | undefined;
  /** Created with the first contributed scanning configuration. */
  scanningConfiguration: aws.ecr.RegistryScanningConfiguration | undefined;

  private readonly name: string;
  private readonly subject: string;
  private readonly key: string;
  private readonly contributions: RegistryContribution[] = [];
  private readonly waits: Record<Singleton, pulumi.Resource[]> = {
    policy: [],
    replication: [],
    scanning: [],
  };
  private sealed = false;
  private readonly merged: pulumi.Output<MergedRegistrySettings>;
  private accountChecked: pulumi.Output<string> | undefined;
  private settle!: (settings: MergedRegistrySettings) => void;

  constructor(
    name: string,
    args: RegistryArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('ecr-kit:index:Registry', name, {}, opts);
    this.name = name;
    this.subject = `Registry "${name}"`;
    const identity = { accountId: args.accountId, region: args.region };
    throwIfViolations(
      this.subject,
      validateRegistryIdentity(identity, 'registry'),
    );
    this.key = registryKey(identity);
    claimRegistryScoped(
      `registry:${this.key}`,
      this.subject,
      `the registry policy, replication and scanning configuration of ${this.key}`,
      'create one Registry per account and Region and pass it to every contributor',
    );
    this.accountId = args.accountId;
    this.region = args.region;
    this.partition = partitionOf(args.region).id;

    const settled = new Promise<MergedRegistrySettings>(resolve => {
      this.settle = resolve;
    });
    this.merged = pulumi.output(settled);
    // Written once the program's synchronous construction is done: every contributor of
    // this Registry is known by then.
    setImmediate(() => this.seal());

    this.policyText = this.merged.apply(settings =>
      settings.policy ? JSON.stringify(settings.policy) : undefined,
    );
    this.registerOutputs({
      accountId: this.accountId,
      region: this.region,
      partition: this.partition,
      policyText: this.policyText,
    });
  }

  /** The identity (account + Region) of this registry. */
  get identity(): RegistryIdentity {
    return { accountId: this.accountId, region: this.region };
  }

  /**
   * Options for a contributor's children that live in this registry: parented to the
   * contributor, and made with this Registry's provider (its account and Region).
   */
  childOptions(parent: pulumi.Resource): pulumi.CustomResourceOptions {
    const provider = this.getProvider('aws:ecr/repository:Repository');
    return { parent, ...(provider ? { provider } : {}) };
  }

  /**
   * Records that `owner` manages the registry-scoped thing `thing` of this registry, e.g. a
   * pull-through cache namespace or a creation template prefix; throws when another
   * component already does.
   */
  claim(thing: string, owner: string, what: string, fix: string): void {
    claimRegistryScoped(`${thing}:${this.key}`, owner, what, fix);
  }

  /**
   * Adds a contribution (called by the contributor components) after {@link check}ing it.
   */
  contribute({
    contribution,
    dependsOn = [],
  }: RegistryContributionWithDependencies): void {
    this.check(contribution);
    this.contributions.push(contribution);
    if (contribution.policyStatements?.length) {
      this.waits.policy.push(...dependsOn);
      this.registryPolicy ??= this.createRegistryPolicy();
    }
    if (contribution.replicationRules?.length) {
      this.waits.replication.push(...dependsOn);
      this.replicationConfiguration ??= this.createReplicationConfiguration();
    }
    if (contribution.scanning) {
      this.waits.scanning.push(...dependsOn);
      this.scanningConfiguration ??= this.createScanningConfiguration();
    }
  }

  /**
   * Throws, naming the contributor, when `contribution` conflicts with the contributions made
   * so far or comes after the singletons were written; records nothing. Contributors call it
   * before creating their own resources, so a conflict leaves nothing half made.
   */
  check(contribution: RegistryContribution): void {
    if (this.sealed) {
      throw new EcrStandardError(contribution.owner, [
        {
          field: 'registry',
          message: `${this.subject} has already written the registry's singletons`,
          fix: `construct ${contribution.owner} in the same synchronous part of the program as ${this.subject} (not inside an apply or after an await)`,
        },
      ]);
    }
    const { violations } = mergeRegistryContributions(this.identity, [
      ...this.contributions,
      contribution,
    ]);
    throwIfViolations(
      contribution.owner,
      violations.map(v => ({
        ...v,
        field: `registry ${this.key}: ${v.field}`,
      })),
    );
  }

  private seal(): void {
    this.sealed = true;
    this.settle(
      mergeRegistryContributions(this.identity, this.contributions).settings,
    );
  }

  /** Singleton inputs: the merged settings, once the provider's account is confirmed. */
  private settings(): pulumi.Output<MergedRegistrySettings> {
    this.accountChecked ??= this.checkAccount();
    return pulumi
      .all([this.merged, this.accountChecked])
      .apply(([settings]) => settings);
  }

  /**
   * The account of the provider's credentials (`sts:GetCallerIdentity`), failing the
   * singletons when it is not `accountId`: a Registry on the wrong provider would otherwise
   * write another account's registry-wide settings, next to that account's own Registry.
   */
  private checkAccount(): pulumi.Output<string> {
    const { subject, accountId } = this;
    return aws
      .getCallerIdentityOutput({}, { parent: this })
      .accountId.apply(actual => {
        if (actual !== accountId) {
          throw new EcrStandardError(subject, [
            {
              field: 'accountId',
              message: `the provider's credentials are for account ${actual}, not ${accountId}`,
              fix: `give this Registry the provider of account ${accountId}, or set accountId to ${actual}`,
            },
          ]);
        }
        return actual;
      });
  }

  private after(kind: Singleton): pulumi.Input<pulumi.Resource[]> {
    return this.merged.apply(() => [...this.waits[kind]]);
  }

  private createRegistryPolicy(): aws.ecr.RegistryPolicy {
    return new aws.ecr.RegistryPolicy(
      `${this.name}-policy`,
      {
        policy: this.settings().apply(s => JSON.stringify(s.policy)),
        region: this.region,
      },
      { parent: this, dependsOn: this.after('policy') },
    );
  }

  private createReplicationConfiguration(): aws.ecr.ReplicationConfiguration {
    return new aws.ecr.ReplicationConfiguration(
      `${this.name}-replication`,
      {
        replicationConfiguration: this.settings().apply(settings => ({
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
        })),
        region: this.region,
      },
      { parent: this, dependsOn: this.after('replication') },
    );
  }

  private createScanningConfiguration(): aws.ecr.RegistryScanningConfiguration {
    const scanning = this.settings().apply(s => s.scanning!);
    return new aws.ecr.RegistryScanningConfiguration(
      `${this.name}-scanning`,
      {
        scanType: scanning.scanType,
        rules: scanning.apply(s =>
          s.rules.map(rule => ({
            scanFrequency: rule.frequency,
            repositoryFilters: rule.filters.map(filter => ({
              filter,
              filterType: 'WILDCARD',
            })),
          })),
        ),
        region: this.region,
      },
      { parent: this, dependsOn: this.after('scanning') },
    );
  }
}
