import type {
  RegistryContribution,
  RegistryIdentity,
} from '@ecr-kit/ecr-standard';

/** A contribution aimed at one registry. */
export interface TargetedContribution {
  readonly registry: RegistryIdentity;
  readonly contribution: RegistryContribution;
}

/**
 * A component that contributes registry policy statements, replication rules or scanning
 * to one or more registries. Pass it to the `Registry` of each registry it targets.
 */
export interface RegistryContributor {
  /** Every contribution of this component, with the registry it is meant for. */
  registryContributions(): readonly TargetedContribution[];
}
