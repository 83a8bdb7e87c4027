import type { StandardViolation } from './EcrStandardError';
import type { RegistryIdentity } from './awsIdentifiers';
import {
  registryKey,
  validateAccountId,
  validateRegion,
} from './awsIdentifiers';
import { partitionOf } from './partitions';

/**
 * One replication rule: where images go, and which repositories (by name prefix).
 *
 * @public
 */
export interface ReplicationRuleSpec {
  /** Registries (account + Region) that receive the images. */
  readonly destinations: readonly RegistryIdentity[];
  /** Repository name prefixes (PREFIX_MATCH). Default: none, i.e. every repository. */
  readonly repositoryPrefixes?: readonly string[];
}

/**
 * Amazon ECR replication limits.
 *
 * @public
 */
export const MAX_REPLICATION_RULES = 10;
/** @public */
export const MAX_REPLICATION_DESTINATIONS = 25;
/** @public */
export const MAX_REPLICATION_FILTERS = 100;

/**
 * A PREFIX_MATCH filter: the start of a repository name.
 *
 * @public
 */
export const REPLICATION_PREFIX_PATTERN = /^[a-z0-9][a-z0-9._/-]{1,255}$/;

/**
 * Every violation of ECR's replication limits by the rules of `source`'s registry.
 *
 * @public
 */
export function validateReplicationRules(
  source: RegistryIdentity,
  rules: readonly ReplicationRuleSpec[],
  field = 'rules',
): StandardViolation[] {
  const violations: StandardViolation[] = [];
  if (rules.length === 0) {
    violations.push({
      field,
      message: 'no replication rule given',
      fix: 'add a rule with at least one destination',
    });
  }
  if (rules.length > MAX_REPLICATION_RULES) {
    violations.push({
      field,
      message: `${rules.length} replication rules for registry ${registryKey(source)}`,
      fix: `use at most ${MAX_REPLICATION_RULES} rules (merge rules with the same destinations)`,
    });
  }
  const unique = new Set<string>();
  rules.forEach((rule, i) => {
    const at = `${field}[${i}]`;
    if (rule.destinations.length === 0) {
      violations.push({
        field: `${at}.destinations`,
        message: 'the rule has no destination',
        fix: 'add { accountId, region } destinations',
      });
    }
    rule.destinations.forEach((d, j) => {
      const dAt = `${at}.destinations[${j}]`;
      violations.push(
        ...validateAccountId(d.accountId, `${dAt}.accountId`),
        ...validateRegion(d.region, `${dAt}.region`),
      );
      if (
        typeof d.region === 'string' &&
        typeof source.region === 'string' &&
        partitionOf(d.region).id !== partitionOf(source.region).id
      ) {
        // ECR user guide, replication: replication stays within a partition; ECR refuses a
        // destination in another one.
        violations.push({
          field: `${dAt}.region`,
          message: `destination ${registryKey(d)} is in partition ${partitionOf(d.region).id}, the source in ${partitionOf(source.region).id}; ECR does not replicate across partitions`,
          fix: "replicate to Regions of the source's partition only",
        });
      }
      if (d.accountId === source.accountId && d.region === source.region) {
        violations.push({
          field: dAt,
          message: `destination ${registryKey(d)} is the source registry itself`,
          fix: 'replicate to another Region or another account',
        });
      }
      unique.add(registryKey(d));
    });
    const prefixes = rule.repositoryPrefixes ?? [];
    if (prefixes.length > MAX_REPLICATION_FILTERS) {
      violations.push({
        field: `${at}.repositoryPrefixes`,
        message: `${prefixes.length} filters in one rule`,
        fix: `use at most ${MAX_REPLICATION_FILTERS} prefixes per rule`,
      });
    }
    prefixes.forEach((p, j) => {
      if (typeof p !== 'string' || !REPLICATION_PREFIX_PATTERN.test(p)) {
        violations.push({
          field: `${at}.repositoryPrefixes[${j}]`,
          message: `${JSON.stringify(p)} is not a repository name prefix`,
          fix: 'use 2 to 256 lowercase letters, digits, ".", "_", "-" and "/"',
        });
      }
    });
  });
  if (unique.size > MAX_REPLICATION_DESTINATIONS) {
    violations.push({
      field,
      message: `${unique.size} unique destinations for registry ${registryKey(source)}`,
      fix: `replicate to at most ${MAX_REPLICATION_DESTINATIONS} registries`,
    });
  }
  return violations;
}
