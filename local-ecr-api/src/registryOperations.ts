import { partitionOf } from '@ecr-kit/ecr-standard';
import { EcrApiError, invalidParameterAt } from './EcrApiError';
import { validatePolicyDocument } from './policies';
import type { Registry } from './Registry';
import type { ReplicationRule, ScanningRule } from './model';
import type { Request } from './world/OperationContext';

export function describeRegistry(registry: Registry) {
  return {
    registryId: registry.accountId,
    replicationConfiguration: { rules: registry.settings.replicationRules },
  };
}

export function getRegistryPolicy(registry: Registry) {
  const text = registry.settings.registryPolicyText;
  if (!text) {
    throw new EcrApiError(
      'RegistryPolicyNotFoundException',
      `Registry policy does not exist in the registry with id '${registry.accountId}'`,
    );
  }
  return { registryId: registry.accountId, policyText: text };
}

export function putRegistryPolicy(registry: Registry, request: Request) {
  const text = String(request.policyText);
  validatePolicyDocument(text, 'registry');
  registry.settings.registryPolicyText = text;
  return { registryId: registry.accountId, policyText: text };
}

export function deleteRegistryPolicy(registry: Registry) {
  const result = getRegistryPolicy(registry);
  registry.settings.registryPolicyText = undefined;
  return result;
}

/**
 * Unique destinations across all rules of a replication configuration: 25
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/replication.html — "up to 25
 * unique destinations across all rules"); rules (10) and filters (100) come from the model.
 */
export const MAX_REPLICATION_DESTINATIONS = 25;

export function putReplicationConfiguration(
  registry: Registry,
  request: Request,
) {
  const configuration = request.replicationConfiguration as {
    rules: ReplicationRule[];
  };
  const unique = new Set<string>();
  configuration.rules.forEach((rule, r) => {
    if (rule.destinations.length === 0) {
      throw invalidParameterAt(
        `replicationConfiguration.rules.${r + 1}.member.destinations`,
        'A replication rule needs at least one destination',
      );
    }
    rule.destinations.forEach((destination, d) => {
      const at = `replicationConfiguration.rules.${r + 1}.member.destinations.${d + 1}.member`;
      if (
        destination.region === registry.region &&
        destination.registryId === registry.accountId
      ) {
        throw invalidParameterAt(
          at,
          'Replication destination cannot be the same as the source registry',
        );
      }
      if (
        partitionOf(destination.region).id !== partitionOf(registry.region).id
      ) {
        throw invalidParameterAt(
          `${at}.region`,
          `Region ${destination.region} is in partition ${partitionOf(destination.region).id}; replication stays within ${partitionOf(registry.region).id}`,
        );
      }
      unique.add(`${destination.registryId}/${destination.region}`);
    });
  });
  if (unique.size > MAX_REPLICATION_DESTINATIONS) {
    throw invalidParameterAt(
      'replicationConfiguration',
      `A replication configuration can have at most ${MAX_REPLICATION_DESTINATIONS} unique destinations; this one has ${unique.size}`,
    );
  }
  registry.settings.replicationRules = configuration.rules.map(rule => ({
    destinations: rule.destinations.map(d => ({
      region: d.region,
      registryId: d.registryId,
    })),
    ...(rule.repositoryFilters
      ? {
          repositoryFilters: rule.repositoryFilters.map(f => ({
            filter: f.filter,
            filterType: f.filterType,
          })),
        }
      : {}),
  }));
  return {
    replicationConfiguration: { rules: registry.settings.replicationRules },
  };
}

export function getRegistryScanningConfiguration(registry: Registry) {
  return {
    registryId: registry.accountId,
    scanningConfiguration: {
      scanType: registry.settings.scanType,
      rules: registry.settings.scanningRules,
    },
  };
}

/**
 * PutRegistryScanningConfiguration: continuous scanning exists only with enhanced scanning,
 * manual scanning only with basic scanning (API reference, RegistryScanningRule: with
 * ENHANCED "the supported scan frequencies are CONTINUOUS_SCAN and SCAN_ON_PUSH"), and each
 * scan frequency appears in one rule at most
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html).
 */
export function putRegistryScanningConfiguration(
  registry: Registry,
  request: Request,
) {
  const scanType =
    (request.scanType as 'BASIC' | 'ENHANCED' | undefined) ?? 'BASIC';
  const rules = (request.rules as ScanningRule[] | undefined) ?? [];
  const frequencies = new Set<string>();
  rules.forEach((rule, index) => {
    const at = `rules.${index + 1}.member.scanFrequency`;
    if (scanType === 'BASIC' && rule.scanFrequency === 'CONTINUOUS_SCAN') {
      throw invalidParameterAt(
        at,
        'CONTINUOUS_SCAN requires scanType ENHANCED; basic scanning scans on push or manually',
      );
    }
    if (scanType === 'ENHANCED' && rule.scanFrequency === 'MANUAL') {
      throw invalidParameterAt(
        at,
        'MANUAL requires scanType BASIC; enhanced scanning scans on push or continuously',
      );
    }
    if (frequencies.has(rule.scanFrequency)) {
      throw invalidParameterAt(
        at,
        `Only one rule may use scanFrequency ${rule.scanFrequency}`,
      );
    }
    frequencies.add(rule.scanFrequency);
  });
  registry.settings.scanType = scanType;
  registry.settings.scanningRules = rules.map(rule => ({
    scanFrequency: rule.scanFrequency,
    repositoryFilters: rule.repositoryFilters.map(f => ({
      filter: f.filter,
      filterType: f.filterType,
    })),
  }));
  return {
    registryScanningConfiguration: {
      scanType,
      rules: registry.settings.scanningRules,
    },
  };
}
