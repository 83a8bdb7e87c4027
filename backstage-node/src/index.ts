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
