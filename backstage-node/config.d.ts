import type { HumanDuration } from '@backstage/types';

export interface Config {
  /**
   * Amazon ECR access shared by the ecr-kit ECR backend plugin and scaffolder module. AWS
   * credentials come from `aws.*` (`@backstage/integration-aws-node`); an account's
   * `partition` there (with `roleName`) also sets which ARNs it may serve.
   */
  ecr?: {
    /**
     * Endpoint override for every AWS client (ECR, Resource Groups Tagging API, Inspector),
     * e.g. a local ECR API (`http://127.0.0.1:4566`). Unset: the AWS endpoints of each
     * ARN's Region and partition.
     */
    endpoint?: string;
    /** Attempts per AWS call for a transient or server error. Default 3. */
    maxAttempts?: number;
    /**
     * Attempts for a throttled call, with capped exponential backoff (throttling never
     * drains a shared retry quota). Default 8.
     */
    maxThrottledAttempts?: number;
    /**
     * Requests per second per account, Region and operation, e.g. `{ DescribeImages: 20 }`,
     * over the defaults (BatchGetImage 2,000 as ECR's quotas publish; 20 for the describe
     * operations, whose rates ECR does not publish).
     */
    rateLimits?: { [operation: string]: number };
    timeouts?: {
      /** Time to open a connection to AWS. Default 3 seconds. */
      connect?: HumanDuration | string;
      /** Time for AWS to answer one request (each attempt). Default 10 seconds. */
      request?: HumanDuration | string;
    };
  };
}
