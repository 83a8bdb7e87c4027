import type { Config } from '@backstage/config';
import { AccountNotConfiguredError } from './errors';

/**
 * The partition each configured account serves: `aws.accounts[].partition` (which
 * `@backstage/integration-aws-node` uses to build role ARNs), else
 * `aws.accountDefaults.partition` for role-based defaults, else the commercial `aws`.
 *
 * @public
 */
export interface AccountPartitions {
  partitionOf(accountId: string): string;
}

/**
 * Reads {@link AccountPartitions} from `aws.*`.
 *
 * @public
 */
export function readAccountPartitions(config: Config): AccountPartitions {
  const aws = config.getOptionalConfig('aws');
  const byAccount = new Map<string, string>();
  for (const account of aws?.getOptionalConfigArray('accounts') ?? []) {
    const partition = account.getOptionalString('partition');
    if (partition) byAccount.set(account.getString('accountId'), partition);
  }
  const defaults = aws?.getOptionalConfig('accountDefaults');
  const fallback = defaults?.getOptionalString('roleName')
    ? (defaults.getOptionalString('partition') ?? 'aws')
    : 'aws';
  return { partitionOf: accountId => byAccount.get(accountId) ?? fallback };
}

/**
 * Refuses a target in a partition its account is not configured for: a GovCloud or China
 * ARN must never be answered with the commercial account's credentials (or the reverse).
 *
 * @public
 */
export function checkPartition(
  partitions: AccountPartitions,
  target: { accountId: string; partition: string },
): void {
  const configured = partitions.partitionOf(target.accountId);
  if (configured !== target.partition) {
    throw new AccountNotConfiguredError(
      `The repository is in partition ${target.partition}, but account ${target.accountId} is configured for ${configured}: set partition: ${target.partition} (with roleName) for it in aws.accounts, or fix the ARN`,
    );
  }
}
