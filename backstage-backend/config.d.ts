import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the ecr-kit ECR backend plugin. AWS credentials come from `aws.*`. */
  ecr?: {
    /**
     * Endpoint override for the ECR and Resource Groups Tagging API clients, e.g. a local
     * ECR API (`http://127.0.0.1:4566`) or LocalStack. Unset: the AWS endpoints.
     */
    endpoint?: string;
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
    };
    /** Concurrent DescribeImageScanFindings calls per request. Default 8. */
    findingsConcurrency?: number;
    /** SDK attempts per AWS call (standard retry mode, handles throttling). Default 5. */
    maxAttempts?: number;
  };
}
