/**
 * What the ecr-kit Backstage backend packages share about AWS: clients per account and
 * Region from config, error mapping with IAM hints, partition checks.
 *
 * @packageDocumentation
 */
export { awsClientsFromConfig, createAwsClients } from './createAwsClients';
export type { AwsClients, AwsTarget } from './createAwsClients';
export { DEFAULT_AWS_CLIENT_SETTINGS, readAwsClientSettings } from './settings';
export type { AwsClientSettings } from './settings';
export { checkPartition, readAccountPartitions } from './accountPartitions';
export type { AccountPartitions } from './accountPartitions';
export {
  AccountNotConfiguredError,
  AwsRequestError,
  AwsTimeoutError,
  UpstreamAccessDeniedError,
  describeAwsError,
  missingCredentials,
} from './errors';
export type { AwsCallContext } from './errors';
export { createRetryStrategy, DEFAULT_RETRY_SETTINGS } from './retryStrategy';
export type { RetrySettings } from './retryStrategy';
export {
  DEFAULT_OPERATION_RATE,
  DEFAULT_RATE_LIMITS,
  createRateLimiter,
} from './rateLimits';
export type { RateLimiter } from './rateLimits';
export { readDurationMs } from './readDurationMs';
export { ECR_ENTITY_FILTER, annotatedEntities } from './annotatedEntities';
