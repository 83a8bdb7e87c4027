import * as pulumi from '@pulumi/pulumi';
import type {
  RegistryIdentity,
  ScanFrequency,
  ScanType,
} from '@ecr-kit/ecr-standard';
import {
  throwIfViolations,
  validateRegistryIdentity,
  validateScanning,
} from '@ecr-kit/ecr-standard';
import type {
  RegistryContributor,
  TargetedContribution,
} from './RegistryContributor';

/** One scanning rule. */
export interface RegistryScanningRuleArgs {
  /** `SCAN_ON_PUSH`, `CONTINUOUS_SCAN` (enhanced only) or `MANUAL`. */
  readonly frequency: ScanFrequency;
  /** WILDCARD repository filters. Default: `["*"]`. */
  readonly filters?: string[];
}

/** Arguments of a {@link RegistryScanning}. */
export interface RegistryScanningArgs {
  /** The registry to configure. */
  readonly registry: RegistryIdentity;
  /** Default: `BASIC`. `ENHANCED` uses Amazon Inspector. */
  readonly scanType?: ScanType;
  /** Default: one `SCAN_ON_PUSH` rule for `*`. */
  readonly rules?: RegistryScanningRuleArgs[];
}

/**
 * Registry scanning (BASIC or ENHANCED) with wildcard rules. The one scanning
 * configuration of the registry is created by its `Registry`, merging every
 * `RegistryScanning` passed to it.
 */
export class RegistryScanning
  extends pulumi.ComponentResource
  implements RegistryContributor
{
  readonly scanType: ScanType;
  private readonly contributions: TargetedContribution[];

  constructor(
    name: string,
    args: RegistryScanningArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('ecr-kit:index:RegistryScanning', name, {}, opts);
    const subject = `RegistryScanning "${name}"`;
    const scanType = args.scanType ?? 'BASIC';
    const rules = (args.rules ?? [{ frequency: 'SCAN_ON_PUSH' }]).map(rule => ({
      frequency: rule.frequency,
      filters: rule.filters ?? ['*'],
    }));
    throwIfViolations(subject, [
      ...validateRegistryIdentity(args.registry, 'registry'),
      ...validateScanning(scanType, rules),
    ]);
    this.scanType = scanType;
    this.contributions = [
      {
        registry: args.registry,
        contribution: { owner: subject, scanning: { scanType, rules } },
      },
    ];
    this.registerOutputs({ scanType });
  }

  registryContributions(): readonly TargetedContribution[] {
    return this.contributions;
  }
}
