import * as pulumi from '@pulumi/pulumi';
import type { ScanFrequency, ScanType } from '@ecr-kit/ecr-standard';
import {
  EcrStandardError,
  throwIfViolations,
  validateScanning,
} from '@ecr-kit/ecr-standard';
import { noOwnProvider } from './noOwnProvider';
import type { Registry } from './Registry';

/** One scanning rule. */
export interface RegistryScanningRuleArgs {
  /** `SCAN_ON_PUSH`, `CONTINUOUS_SCAN` (enhanced only) or `MANUAL` (basic only). */
  readonly frequency: ScanFrequency;
  /** WILDCARD repository filters. Default: `["*"]`. */
  readonly filters?: string[];
}

/** Arguments of a {@link RegistryScanning}. */
export interface RegistryScanningArgs {
  /** The registry to configure. */
  readonly registry: Registry;
  /** Default: `BASIC`. `ENHANCED` uses Amazon Inspector. */
  readonly scanType?: ScanType;
  /** Default: one `SCAN_ON_PUSH` rule for `*`. */
  readonly rules?: RegistryScanningRuleArgs[];
}

/**
 * Registry scanning (BASIC or ENHANCED) with wildcard rules, contributed to the one
 * scanning configuration of its Registry (merged per frequency with the other
 * `RegistryScanning` components of that registry).
 */
export class RegistryScanning extends pulumi.ComponentResource {
  readonly scanType: ScanType;

  constructor(
    name: string,
    args: RegistryScanningArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('ecr-kit:index:RegistryScanning', name, {}, opts);
    const subject = `RegistryScanning "${name}"`;
    noOwnProvider(subject, opts);
    if (args.registry === undefined) {
      throw new EcrStandardError(subject, [
        {
          field: 'registry',
          message: 'the Registry to configure is required',
          fix: 'create a Registry for the account and Region first and pass it as registry',
        },
      ]);
    }
    const scanType = args.scanType ?? 'BASIC';
    const rules = (args.rules ?? [{ frequency: 'SCAN_ON_PUSH' }]).map(rule => ({
      frequency: rule.frequency,
      filters: rule.filters ?? ['*'],
    }));
    throwIfViolations(subject, validateScanning(scanType, rules));
    this.scanType = scanType;
    args.registry.contribute({
      contribution: { owner: subject, scanning: { scanType, rules } },
    });
    this.registerOutputs({ scanType });
  }
}
