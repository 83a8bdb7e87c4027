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
    /**
     * Durations below take a HumanDuration object (`{ minutes: 5 }`), a string (`5m`, `PT5M`)
     * or milliseconds. Use strings where another config source overrides them: objects are
     * merged key by key across sources.
     */
    cache?: {
      /**
       * How long image listings and repository settings are served without a refresh. After
       * that they are still served at once, marked `refreshing`, while one replica refreshes
       * them in the background. Default 5 minutes.
       */
      ttl?: HumanDuration | string;
      /** How long a last good value is kept to serve, marked stale, when AWS fails. Default 1 day. */
      staleTtl?: HumanDuration | string;
      /** How long a failed AWS lookup is remembered before it is tried again. Default 30 seconds. */
      errorTtl?: HumanDuration | string;
      /** How long one replica may hold a key's refresh before another takes over. Default 1 minute. */
      lockTtl?: HumanDuration | string;
      /** How long index manifests are kept per digest (a digest never changes). Default 30 days. */
      digestTtl?: HumanDuration | string;
      /** How long scan summaries are served without a refresh (then as `ttl`). Default 1 hour. */
      scanTtl?: HumanDuration | string;
    };
    /**
     * The scheduled pre-warm (`coreServices.scheduler`, a global task: one replica runs each
     * run): refreshes the repositories of every entity with an ECR annotation before their
     * listings expire, so views never wait for ECR.
     */
    prewarm?: {
      /** Off switch. Default true. */
      enabled?: boolean;
      /** How often a run starts. Default 5 minutes. */
      frequency?: HumanDuration | string;
      /** A longer run is cancelled; the next one carries on. Default 15 minutes. */
      timeout?: HumanDuration | string;
      /** Wait after a replica starts before its first run. Default 30 seconds. */
      initialDelay?: HumanDuration | string;
      /** AWS requests per second the pre-warm averages at most. Default 5. */
      callsPerSecond?: number;
    };
    /**
     * How long one view waits for AWS before it answers: with the last good value, marked
     * stale, or a 504 naming the account, Region and step. Default 15 seconds.
     */
    deadline?: HumanDuration | string;
    /** Concurrent DescribeImageScanFindings calls per view. Default 25 (a default page in one round trip). */
    findingsConcurrency?: number;
    /** Concurrent AWS calls per account and Region, over all views and the pre-warm (rates are limited by `ecr.rateLimits`). Default 50. */
    concurrencyPerRegion?: number;
    /** Repositories one entity may name (ARN annotation and tag lookup together). Default 20. */
    maxRepositoriesPerEntity?: number;
  };
}
