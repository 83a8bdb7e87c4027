import type { HumanDuration } from '@backstage/types';

export interface Config {
  /**
   * Configuration of the ecr-kit ECR backend plugin. AWS credentials come from `aws.*`;
   * `ecr.endpoint`, `ecr.maxAttempts` and `ecr.timeouts` are shared with the scaffolder
   * module (see `@ecr-kit/backstage-plugin-ecr-node`).
   */
  ecr?: {
    /**
     * Where repositories named by the `aws.amazon.com/amazon-ecr-tags` annotation are looked
     * up: each account id with its regions. Unset: no tag lookup.
     */
    tagLookup?: Array<{
      /** 12-digit AWS account id; its credentials come from `aws.accounts`. */
      accountId: string;
      /** Regions to search, e.g. `['eu-west-1']`. */
      regions: string[];
    }>;
    cache?: {
      /** How long image listings and repository settings are served without refresh. Default 5 minutes. */
      ttl?: HumanDuration;
      /** How long a last good value is kept to serve, marked stale, when AWS fails. Default 1 day. */
      staleTtl?: HumanDuration;
      /** How long a failed AWS lookup is remembered before it is tried again. Default 30 seconds. */
      errorTtl?: HumanDuration;
    };
    /**
     * How long one view waits for AWS before it answers: with the last good value, marked
     * stale, or a 504 naming the account, Region and step. Default 15 seconds.
     */
    deadline?: HumanDuration;
    /** Concurrent DescribeImageScanFindings calls per view. Default 8. */
    findingsConcurrency?: number;
    /** Concurrent AWS calls per account and Region, over all views. Default 16. */
    concurrencyPerRegion?: number;
    /** Repositories one entity may name (ARN annotation and tag lookup together). Default 20. */
    maxRepositoriesPerEntity?: number;
  };
}
