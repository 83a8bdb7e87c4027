import * as pulumi from '@pulumi/pulumi';
import type { ScanFrequency, ScanType } from '@ecr-kit/ecr-standard';
import { throwIfViolations, validateScanning } from '@ecr-kit/ecr-standard';
import { resolveRegistry } from './Registry';
import type { RegistryReference } from './schemaTypes';
import { requirePlain } from './schemaTypes';

/**
 * One scanning rule.
 *
 * @public
 */
export interface RegistryScanningRule {
  /** `SCAN_ON_PUSH`, `CONTINUOUS_SCAN` (enhanced only) or `MANUAL` (basic only). */
  readonly frequency: ScanFrequency;
  /** WILDCARD repository filters. Default: `["*"]`. */
  readonly filters?: string[];
}

/**
 * What a registry scans, without the registry.
 *
 * @public
 */
export interface RegistryScanningSettings {
  /** Scan type. Default: `BASIC`. `ENHANCED` uses Amazon Inspector. */
  readonly scanType?: ScanType;
  /** Scanning rules, one per frequency. Default: one `SCAN_ON_PUSH` rule for `*`. */
  readonly rules?: RegistryScanningRule[];
}

/**
 * Arguments of a `RegistryScanning`.
 *
 * @public
 */
export interface RegistryScanningArgs extends RegistryScanningSettings {
  /**
   * The registry to configure: a `Registry` component (TypeScript), or its `accountId` and
   * `region` (then this component owns that registry's singletons).
   */
  readonly registry: RegistryReference;
}

/**
 * Registry scanning (BASIC or ENHANCED) with wildcard rules, contributed to the one
 * scanning configuration of its Registry (merged per frequency with the other
 * `RegistryScanning` components of that registry).
 *
 * @public
 */
export class RegistryScanning extends pulumi.ComponentResource {
  /** The scan type contributed. */
  readonly scanType: ScanType;

  constructor(
    name: string,
    args: RegistryScanningArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('ecr-kit:index:RegistryScanning', name, {}, opts);
    const subject = `RegistryScanning "${name}"`;
    requirePlain(subject, args, ['registry', 'scanType', 'rules']);
    const registry = resolveRegistry(
      subject,
      'registry',
      args.registry,
      this,
      name,
      opts,
    );
    const scanType = args.scanType ?? 'BASIC';
    const rules = (args.rules ?? [{ frequency: 'SCAN_ON_PUSH' }]).map(rule => ({
      frequency: rule.frequency,
      filters: rule.filters ?? ['*'],
    }));
    throwIfViolations(subject, validateScanning(scanType, rules));
    this.scanType = scanType;
    registry.contribute({
      contribution: { owner: subject, scanning: { scanType, rules } },
    });
    this.registerOutputs({ scanType });
  }
}

/**
 * @deprecated Renamed `RegistryScanningRule` (the name other languages see); this alias goes in 1.0.
 *
 * @public
 */
export type RegistryScanningRuleArgs = RegistryScanningRule;
