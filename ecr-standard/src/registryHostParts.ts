import { AWS_PARTITIONS, partitionOf } from './partitions';

/**
 * The account and Region of a private registry host `<account>.dkr.ecr.<region>.<dnsSuffix>`
 * (the inverse of `registryHost`), or undefined when `host` is not one: the DNS suffix must be
 * that of the Region's partition (`amazonaws.com.cn` for `cn-*`, `amazonaws.com` for `us-gov-*`).
 *
 * @public
 */
export function registryHostParts(
  host: string,
): { accountId: string; region: string; partition: string } | undefined {
  const match = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.([a-z0-9.-]+)$/.exec(host);
  if (!match) return undefined;
  const [, accountId, region, suffix] = match;
  if (!AWS_PARTITIONS.some(p => p.regionPattern.test(region))) return undefined;
  const partition = partitionOf(region);
  return partition.dnsSuffix === suffix
    ? { accountId, region, partition: partition.id }
    : undefined;
}
