import type { StandardViolation } from './EcrStandardError';
import type { RegistryIdentity } from './awsIdentifiers';
import type { PolicyDocument, PolicyStatement } from './policyDocuments';
import {
  policyDocument,
  validatePolicyLength,
  validateStatements,
} from './policyDocuments';
import type { ReplicationRuleSpec } from './replication';
import { validateReplicationRules } from './replication';
import type { ScanningRuleSpec, ScanType } from './scanning';
import { validateScanning } from './scanning';

/**
 * What one component contributes to the registry-wide singletons of one registry
 * (account + Region): registry policy statements, replication rules, scanning.
 *
 * @public
 */
export interface RegistryContribution {
  /** Who contributes, for error messages, e.g. `PullThroughCache "cache"`. */
  readonly owner: string;
  readonly policyStatements?: readonly PolicyStatement[];
  readonly replicationRules?: readonly ReplicationRuleSpec[];
  readonly scanning?: {
    readonly scanType: ScanType;
    readonly rules: readonly ScanningRuleSpec[];
  };
}

/**
 * The one registry policy, replication configuration and scanning configuration of a registry.
 *
 * @public
 */
export interface MergedRegistrySettings {
  /** Absent when no component contributes a statement. */
  readonly policy?: PolicyDocument;
  /** Empty when no component replicates. */
  readonly replicationRules: readonly ReplicationRuleSpec[];
  /** Absent when no component configures scanning. */
  readonly scanning?: {
    readonly scanType: ScanType;
    readonly rules: readonly ScanningRuleSpec[];
  };
}

/**
 * Merges every contribution to `registry` into one setting of each kind, with a
 * violation (naming both owners) wherever two contributions conflict.
 *
 * @public
 */
export function mergeRegistryContributions(
  registry: RegistryIdentity,
  contributions: readonly RegistryContribution[],
): { settings: MergedRegistrySettings; violations: StandardViolation[] } {
  const violations: StandardViolation[] = [];

  const statements: PolicyStatement[] = [];
  const sidOwners = new Map<string, { owner: string; json: string }>();
  for (const c of contributions) {
    for (const statement of c.policyStatements ?? []) {
      const json = JSON.stringify(statement);
      const previous =
        statement.Sid === undefined ? undefined : sidOwners.get(statement.Sid);
      if (previous !== undefined && previous.json === json) {
        continue; // the very same grant from two components: keep one
      }
      if (previous !== undefined && statement.Sid !== undefined) {
        violations.push({
          field: 'policyStatements',
          message: `${c.owner} and ${previous.owner} contribute different registry policy statements with Sid "${statement.Sid}"`,
          fix: 'give the statements different Sids or remove one of them',
        });
        continue;
      }
      if (statement.Sid !== undefined)
        sidOwners.set(statement.Sid, { owner: c.owner, json });
      statements.push(statement);
    }
  }
  violations.push(
    ...validateStatements(statements, 'policyStatements', 'registry').filter(
      v => !v.message.includes('is used twice'),
    ),
  );
  if (statements.length > 0) {
    violations.push(
      ...validatePolicyLength(
        policyDocument(statements),
        'policyStatements',
        'registry',
      ),
    );
  }

  const replicationRules = contributions.flatMap(c => c.replicationRules ?? []);
  if (replicationRules.length > 0) {
    violations.push(
      ...validateReplicationRules(
        registry,
        replicationRules,
        'replicationRules',
      ),
    );
  }

  let scanning: MergedRegistrySettings['scanning'];
  const scanners = contributions.filter(c => c.scanning !== undefined);
  if (scanners.length > 0) {
    const [first] = scanners;
    const scanType = first.scanning!.scanType;
    for (const other of scanners.slice(1)) {
      if (other.scanning!.scanType !== scanType) {
        violations.push({
          field: 'scanning.scanType',
          message: `${first.owner} asks for ${scanType} scanning but ${other.owner} asks for ${other.scanning!.scanType}; a registry has one scan type`,
          fix: 'use the same scanType in every scanning component of this registry',
        });
      }
    }
    const byFrequency = new Map<string, Set<string>>();
    for (const c of scanners) {
      for (const rule of c.scanning!.rules) {
        const filters = byFrequency.get(rule.frequency) ?? new Set<string>();
        rule.filters.forEach(f => filters.add(f));
        byFrequency.set(rule.frequency, filters);
      }
    }
    const rules = [...byFrequency].map(([frequency, filters]) => ({
      frequency: frequency as ScanningRuleSpec['frequency'],
      filters: [...filters],
    }));
    violations.push(...validateScanning(scanType, rules, 'scanning.rules'));
    scanning = { scanType, rules };
  }

  return {
    settings: {
      ...(statements.length > 0 ? { policy: policyDocument(statements) } : {}),
      replicationRules,
      ...(scanning ? { scanning } : {}),
    },
    violations,
  };
}
