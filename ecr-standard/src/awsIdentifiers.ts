import type { StandardViolation } from './EcrStandardError';
import { AWS_PARTITIONS, partitionOf } from './partitions';

/**
 * A 12-digit AWS account ID.
 *
 * @public
 */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

/**
 * An AWS Region name of any partition, e.g. `eu-west-1`, `us-gov-west-1`, `cn-north-1` or
 * `eusc-de-east-1`: the union of the partition table's Region patterns (one definition).
 *
 * @public
 */
export const REGION_PATTERN = new RegExp(
  AWS_PARTITIONS.map(p => `(?:${p.regionPattern.source})`).join('|'),
);

/**
 * An AWS Organizations ID such as `o-a1b2c3d4e5`.
 *
 * @public
 */
export const ORGANIZATION_ID_PATTERN = /^o-[a-z0-9]{10,32}$/;

/**
 * Violations of the 12-digit account ID format by `accountId`.
 *
 * @public
 */
export function validateAccountId(
  accountId: unknown,
  field: string,
): StandardViolation[] {
  return typeof accountId === 'string' && ACCOUNT_ID_PATTERN.test(accountId)
    ? []
    : [
        {
          field,
          message: `${JSON.stringify(accountId)} is not an AWS account ID`,
          fix: 'use the 12-digit account ID, e.g. "123456789012"',
        },
      ];
}

/**
 * Violations of the Region name format by `region`.
 *
 * @public
 */
export function validateRegion(
  region: unknown,
  field: string,
): StandardViolation[] {
  return typeof region === 'string' && REGION_PATTERN.test(region)
    ? []
    : [
        {
          field,
          message: `${JSON.stringify(region)} is not an AWS Region`,
          fix: 'use a Region name such as "eu-west-1"',
        },
      ];
}

/**
 * Violations of the AWS Organizations ID format by `organizationId`.
 *
 * @public
 */
export function validateOrganizationId(
  organizationId: unknown,
  field: string,
): StandardViolation[] {
  return typeof organizationId === 'string' &&
    ORGANIZATION_ID_PATTERN.test(organizationId)
    ? []
    : [
        {
          field,
          message: `${JSON.stringify(organizationId)} is not an AWS Organizations ID`,
          fix: 'use the organization ID from `aws organizations describe-organization`, e.g. "o-a1b2c3d4e5"',
        },
      ];
}

/**
 * The account and Region that identify one private ECR registry.
 *
 * @public
 */
export interface RegistryIdentity {
  /** 12-digit account ID that owns the registry. */
  readonly accountId: string;
  /** Region of the registry, e.g. `eu-west-1`. */
  readonly region: string;
}

/**
 * Violations of a registry identity's account ID and Region.
 *
 * @public
 */
export function validateRegistryIdentity(
  registry: RegistryIdentity | undefined,
  field: string,
): StandardViolation[] {
  if (registry === undefined) {
    return [
      {
        field,
        message: 'the registry (account and Region) is required',
        fix: `set ${field} to { accountId: "123456789012", region: "eu-west-1" }`,
      },
    ];
  }
  return [
    ...validateAccountId(registry.accountId, `${field}.accountId`),
    ...validateRegion(registry.region, `${field}.region`),
  ];
}

/**
 * The partition id (`aws`, `aws-cn`, `aws-us-gov`, …) of a registry.
 *
 * @public
 */
export function registryPartition(registry: RegistryIdentity): string {
  return partitionOf(registry.region).id;
}

/**
 * A stable key for a registry: `<accountId>/<region>`.
 *
 * @public
 */
export function registryKey(registry: RegistryIdentity): string {
  return `${registry.accountId}/${registry.region}`;
}
