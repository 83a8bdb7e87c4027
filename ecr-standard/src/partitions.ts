/**
 * AWS partitions: which Regions belong to which partition, and the partition's ARN prefix and
 * DNS suffix. Facts from the AWS SDK's endpoint partitions (`partitions.json` in
 * `@aws-sdk/core`, the same data `partition()` of `@aws-sdk/util-endpoints` reads); a test
 * compares this table with the SDK's.
 *
 * @public
 */
export interface AwsPartition {
  /** Partition id, the second field of every ARN: `aws`, `aws-cn`, `aws-us-gov`, … */
  readonly id: string;
  /** DNS suffix of the partition's endpoints, e.g. `amazonaws.com.cn`. */
  readonly dnsSuffix: string;
  /** Regions of this partition. */
  readonly regionPattern: RegExp;
  /**
   * Host of the AWS Management Console, where the partition has a public one (the ISO and
   * European Sovereign Cloud partitions have none here).
   */
  readonly consoleHost?: string;
  /**
   * Whether ECR offers pull through cache rules here: in every commercial Region, not in AWS
   * GovCloud (US) nor in the China Regions (AWS What's New, 2023-11-17; the China user guide's
   * pull-through-cache considerations list cn-north-1 and cn-northwest-1). Nothing is
   * published for the isolated and European Sovereign Cloud partitions: assumed absent.
   */
  readonly pullThroughCache: boolean;
}

/**
 * Every partition, commercial first (it is the fallback for an unknown Region name).
 *
 * @public
 */
export const AWS_PARTITIONS: readonly AwsPartition[] = [
  {
    id: 'aws',
    dnsSuffix: 'amazonaws.com',
    regionPattern: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
    consoleHost: 'console.aws.amazon.com',
    pullThroughCache: true,
  },
  {
    id: 'aws-cn',
    dnsSuffix: 'amazonaws.com.cn',
    regionPattern: /^cn-\w+-\d+$/,
    consoleHost: 'console.amazonaws.cn',
    pullThroughCache: false,
  },
  {
    id: 'aws-us-gov',
    dnsSuffix: 'amazonaws.com',
    regionPattern: /^us-gov-\w+-\d+$/,
    consoleHost: 'console.amazonaws-us-gov.com',
    pullThroughCache: false,
  },
  {
    id: 'aws-iso',
    dnsSuffix: 'c2s.ic.gov',
    regionPattern: /^us-iso-\w+-\d+$/,
    pullThroughCache: false,
  },
  {
    id: 'aws-iso-b',
    dnsSuffix: 'sc2s.sgov.gov',
    regionPattern: /^us-isob-\w+-\d+$/,
    pullThroughCache: false,
  },
  {
    id: 'aws-iso-e',
    dnsSuffix: 'cloud.adc-e.uk',
    regionPattern: /^eu-isoe-\w+-\d+$/,
    pullThroughCache: false,
  },
  {
    id: 'aws-iso-f',
    dnsSuffix: 'csp.hci.ic.gov',
    regionPattern: /^us-isof-\w+-\d+$/,
    pullThroughCache: false,
  },
  {
    id: 'aws-eusc',
    dnsSuffix: 'amazonaws.eu',
    regionPattern: /^eusc-(de)-\w+-\d+$/,
    pullThroughCache: false,
  },
];

/**
 * The partition of `region`. More specific patterns win (`us-gov-west-1` is GovCloud although
 * it also looks commercial); an unknown name falls back to the commercial partition, as the
 * SDK does.
 *
 * @public
 */
export function partitionOf(region: string): AwsPartition {
  const specific = AWS_PARTITIONS.slice(1).find(p =>
    p.regionPattern.test(region),
  );
  return specific ?? AWS_PARTITIONS[0];
}

/**
 * `arn:<partition>:<service>:<region>:<account>:<resource>` for `region`'s partition.
 *
 * @public
 */
export function formatArn(parts: {
  readonly service: string;
  readonly region: string;
  readonly accountId: string;
  readonly resource: string;
  /** Partition to use when `region` is empty (global services such as IAM). */
  readonly partition?: string;
}): string {
  const partition = parts.partition ?? partitionOf(parts.region).id;
  return `arn:${partition}:${parts.service}:${parts.region}:${parts.accountId}:${parts.resource}`;
}

/**
 * ARN of an ECR repository.
 *
 * @public
 */
export function repositoryArn(
  accountId: string,
  region: string,
  repositoryName: string,
): string {
  return formatArn({
    service: 'ecr',
    region,
    accountId,
    resource: `repository/${repositoryName}`,
  });
}

/**
 * Host of a private registry: `<account>.dkr.ecr.<region>.<dnsSuffix>`.
 *
 * @public
 */
export function registryHost(accountId: string, region: string): string {
  return `${accountId}.dkr.ecr.${region}.${partitionOf(region).dnsSuffix}`;
}

/**
 * URI of an ECR repository, as `docker pull` takes it.
 *
 * @public
 */
export function repositoryUri(
  accountId: string,
  region: string,
  repositoryName: string,
): string {
  return `${registryHost(accountId, region)}/${repositoryName}`;
}
