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
import type { PullThroughCacheSettings } from './PullThroughCache';
import { PullThroughCache } from './PullThroughCache';
import type { RegistryScanningSettings } from './RegistryScanning';
import { RegistryScanning } from './RegistryScanning';
import type { ReplicationSettings } from './Replication';
import { Replication } from './Replication';
import { noOwnProvider } from './noOwnProvider';
import {
  claimRegistryScoped,
  findRegistry,
  recordRegistry,
} from './registryClaims';
import type { RegistryReference } from './schemaTypes';
import { CREDENTIALS_HINT, requirePlain } from './schemaTypes';

/**
 * Arguments of a `Registry`.
 *
 * @public
 */
export interface RegistryArgs {
  /**
   * 12-digit account ID of the registry. Checked against the account of the provider's
   * credentials when the program runs (preview included): a mismatch fails the singletons.
   */
  readonly accountId: string;
  /** Region of the registry; every singleton is created there (v7 per-resource `region`). */
  readonly region: string;
  /**
   * A pull-through cache of this registry, given as data (the way for Python, Go, .NET and
   * YAML): the Registry creates the `PullThroughCache` component `<name>-pull-through-cache`
   * with these settings. Default: none.
   */
  readonly pullThroughCache?: PullThroughCacheSettings;
  /**
   * Registry scanning, given as data: the Registry creates the `RegistryScanning` component
   * `<name>-scanning-rules`. Default: none (ECR's default, basic scan on push per repository).
   */
  readonly scanning?: RegistryScanningSettings;
  /**
   * Replication from this registry, given as data: the Registry creates the `Replication`
   * component `<name>-replication-rules` with itself as the source. Default: none.
   */
  readonly replication?: ReplicationSettings;
}

type Singleton = 'policy' | 'replication' | 'scanning';

/** What a Registry keeps to itself while contributions arrive. */
interface RegistryState {
  readonly name: string;
  readonly subject: string;
  readonly key: string;
  readonly contributions: RegistryContribution[];
  readonly waits: Record<Singleton, pulumi.Resource[]>;
  sealed: boolean;
  readonly merged: pulumi.Output<MergedRegistrySettings>;
  accountChecked: pulumi.Output<string> | undefined;
  readonly settle: (settings: MergedRegistrySettings) => void;
  readonly contributors: pulumi.ComponentResource[];
}

const STATE = new WeakMap<Registry, RegistryState>();

/**
 * What a contributor hands its Registry, and what the singleton must wait for.
 *
 * @public
 */
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
 *
 * @public
 */
export class Registry extends pulumi.ComponentResource {
  /** 12-digit account ID of the registry. */
  readonly accountId: string;
  /** Region of the registry. */
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

  constructor(
    name: string,
    args: RegistryArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('ecr-kit:index:Registry', name, {}, opts);
    const subject = `Registry "${name}"`;
    requirePlain(
      subject,
      args,
      ['accountId', 'region', 'pullThroughCache', 'scanning', 'replication'],
      CREDENTIALS_HINT,
    );
    const identity = { accountId: args.accountId, region: args.region };
    throwIfViolations(subject, validateRegistryIdentity(identity, 'registry'));
    const key = registryKey(identity);
    claimRegistryScoped(
      `registry:${key}`,
      subject,
      `the registry policy, replication and scanning configuration of ${key}`,
      'create one Registry per account and Region and pass it to every contributor',
    );
    this.accountId = args.accountId;
    this.region = args.region;
    this.partition = partitionOf(args.region).id;

    let settle!: (settings: MergedRegistrySettings) => void;
    const settled = new Promise<MergedRegistrySettings>(resolve => {
      settle = resolve;
    });
    // Kept off the instance: a component's own properties are its schema outputs.
    const state: RegistryState = {
      name,
      subject,
      key,
      contributions: [],
      waits: { policy: [], replication: [], scanning: [] },
      sealed: false,
      merged: pulumi.output(settled),
      accountChecked: undefined,
      settle,
      contributors: [],
    };
    STATE.set(this, state);
    recordRegistry(key, this);
    // Written once the program's synchronous construction is done: every contributor of
    // this Registry is known by then.
    setImmediate(() => this.seal());

    this.policyText = state.merged.apply(settings =>
      settings.policy ? JSON.stringify(settings.policy) : undefined,
    );

    // Contributions given as data (other languages cannot pass a Registry object).
    const child = { parent: this };
    if (args.pullThroughCache !== undefined) {
      state.contributors.push(
        new PullThroughCache(
          `${name}-pull-through-cache`,
          { ...args.pullThroughCache, registry: this },
          child,
        ),
      );
    }
    if (args.scanning !== undefined) {
      state.contributors.push(
        new RegistryScanning(
          `${name}-scanning-rules`,
          { ...args.scanning, registry: this },
          child,
        ),
      );
    }
    if (args.replication !== undefined) {
      state.contributors.push(
        new Replication(
          `${name}-replication-rules`,
          { ...args.replication, source: this },
          child,
        ),
      );
    }
    this.registerOutputs({
      accountId: this.accountId,
      region: this.region,
      partition: this.partition,
      policyText: this.policyText,
    });
  }

  /** The contributor components this Registry created from its data arguments. */
  get contributors(): readonly pulumi.ComponentResource[] {
    return [...this.state.contributors];
  }

  /** Whether the singletons were written (no contribution is accepted any more). */
  get sealed(): boolean {
    return this.state.sealed;
  }

  private get state(): RegistryState {
    return STATE.get(this)!;
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
    claimRegistryScoped(`${thing}:${this.state.key}`, owner, what, fix);
  }

  /**
   * Adds a contribution (called by the contributor components) after checking it with
   * {@link Registry.check}.
   */
  contribute({
    contribution,
    dependsOn = [],
  }: RegistryContributionWithDependencies): void {
    this.check(contribution);
    this.state.contributions.push(contribution);
    if (contribution.policyStatements?.length) {
      this.state.waits.policy.push(...dependsOn);
      this.registryPolicy ??= this.createRegistryPolicy();
    }
    if (contribution.replicationRules?.length) {
      this.state.waits.replication.push(...dependsOn);
      this.replicationConfiguration ??= this.createReplicationConfiguration();
    }
    if (contribution.scanning) {
      this.state.waits.scanning.push(...dependsOn);
      this.scanningConfiguration ??= this.createScanningConfiguration();
    }
  }

  /**
   * Throws, naming the contributor, when `contribution` conflicts with the contributions made
   * so far or comes after the singletons were written; records nothing. Contributors call it
   * before creating their own resources, so a conflict leaves nothing half made.
   */
  check(contribution: RegistryContribution): void {
    if (this.state.sealed) {
      throw new EcrStandardError(contribution.owner, [
        {
          field: 'registry',
          message: `${this.state.subject} has already written the registry's singletons`,
          fix: `construct ${contribution.owner} in the same synchronous part of the program as ${this.state.subject} (not inside an apply or after an await)`,
        },
      ]);
    }
    const { violations } = mergeRegistryContributions(this.identity, [
      ...this.state.contributions,
      contribution,
    ]);
    throwIfViolations(
      contribution.owner,
      violations.map(v => ({
        ...v,
        field: `registry ${this.state.key}: ${v.field}`,
      })),
    );
  }

  private seal(): void {
    this.state.sealed = true;
    this.state.settle(
      mergeRegistryContributions(this.identity, this.state.contributions)
        .settings,
    );
  }

  /** Singleton inputs: the merged settings, once the provider's account is confirmed. */
  private settings(): pulumi.Output<MergedRegistrySettings> {
    this.state.accountChecked ??= this.checkAccount();
    return pulumi
      .all([this.state.merged, this.state.accountChecked])
      .apply(([settings]) => settings);
  }

  /**
   * The account of the provider's credentials (`sts:GetCallerIdentity`), failing the
   * singletons when it is not `accountId`: a Registry on the wrong provider would otherwise
   * write another account's registry-wide settings, next to that account's own Registry.
   */
  private checkAccount(): pulumi.Output<string> {
    const { accountId } = this;
    const { subject } = this.state;
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
    return this.state.merged.apply(() => [...this.state.waits[kind]]);
  }

  private createRegistryPolicy(): aws.ecr.RegistryPolicy {
    return new aws.ecr.RegistryPolicy(
      `${this.state.name}-policy`,
      {
        policy: this.settings().apply(s => JSON.stringify(s.policy)),
        region: this.region,
      },
      { parent: this, dependsOn: this.after('policy') },
    );
  }

  private createReplicationConfiguration(): aws.ecr.ReplicationConfiguration {
    return new aws.ecr.ReplicationConfiguration(
      `${this.state.name}-replication`,
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
      `${this.state.name}-scanning`,
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

/**
 * The Registry a contributor writes to: the `Registry` component given (TypeScript), the
 * program's Registry of that account + Region while it still accepts contributions, or —
 * for a registry given by its fields alone (other languages) — a Registry the contributor
 * creates as its child `<name>-registry`, with the contributor's providers, owning that
 * registry's singletons.
 */
export function resolveRegistry(
  subject: string,
  field: string,
  reference: RegistryReference | undefined,
  owner: pulumi.ComponentResource,
  ownerName: string,
  opts: pulumi.ComponentResourceOptions | undefined,
  implicitOpts?: pulumi.ComponentResourceOptions,
): Registry {
  if (reference instanceof Registry) {
    noOwnProvider(subject, opts);
    return reference;
  }
  if (
    reference === undefined ||
    typeof reference.accountId !== 'string' ||
    typeof reference.region !== 'string'
  ) {
    throw new EcrStandardError(subject, [
      {
        field,
        message: 'the registry (account + Region) is required',
        fix: `pass a Registry component as ${field}, or give ${field}.accountId and ${field}.region`,
      },
    ]);
  }
  const identity = {
    accountId: reference.accountId,
    region: reference.region,
  };
  throwIfViolations(
    subject,
    validateRegistryIdentity(identity, field).map(v => ({
      ...v,
      field: v.field.startsWith(field) ? v.field : `${field}.${v.field}`,
    })),
  );
  const existing = findRegistry(registryKey(identity));
  if (existing instanceof Registry) {
    if (existing.sealed) {
      throw new EcrStandardError(subject, [
        {
          field,
          message: `${STATE.get(existing)!.subject} of ${registryKey(identity)} has already written the registry's singletons`,
          fix: `give this component's settings to that Registry as data (RegistryArgs.pullThroughCache, scanning, replication), or construct it in the same synchronous part of the program`,
        },
      ]);
    }
    noOwnProvider(subject, opts);
    return existing;
  }
  return new Registry(
    `${ownerName}-registry`,
    identity,
    implicitOpts ?? { parent: owner },
  );
}
