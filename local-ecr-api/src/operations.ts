import { batchGetImage, describeImages, listImages } from './imageOperations';
import type { Registry } from './Registry';
import {
  describePullThroughCacheRules,
  describeRegistry,
  getRegistryScanningConfiguration,
} from './registryOperations';
import {
  createRepository,
  deleteRepository,
  describeRepositories,
} from './repositoryOperations';
import {
  deleteLifecyclePolicy,
  deleteRepositoryPolicy,
  getLifecyclePolicy,
  getRepositoryPolicy,
  putImageScanningConfiguration,
  putImageTagMutability,
  putLifecyclePolicy,
  setRepositoryPolicy,
} from './repositorySettingsOperations';
import { describeImageScanFindings } from './scanFindingsOperations';
import {
  getResources,
  listTagsForResource,
  tagResource,
  untagResource,
} from './tagOperations';

export type OperationHandler = (
  registry: Registry,
  request: Record<string, unknown>,
  now: number,
) => unknown;

/** ECR operations by the name after `AmazonEC2ContainerRegistry_V20150921.`. */
export const ECR_OPERATIONS: Readonly<Record<string, OperationHandler>> = {
  CreateRepository: createRepository,
  DeleteRepository: deleteRepository,
  DescribeRepositories: describeRepositories,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  PutImageTagMutability: putImageTagMutability,
  PutImageScanningConfiguration: putImageScanningConfiguration,
  PutLifecyclePolicy: putLifecyclePolicy,
  GetLifecyclePolicy: getLifecyclePolicy,
  DeleteLifecyclePolicy: deleteLifecyclePolicy,
  SetRepositoryPolicy: setRepositoryPolicy,
  GetRepositoryPolicy: getRepositoryPolicy,
  DeleteRepositoryPolicy: deleteRepositoryPolicy,
  DescribeImages: describeImages,
  ListImages: listImages,
  BatchGetImage: batchGetImage,
  DescribeImageScanFindings: describeImageScanFindings,
  DescribeRegistry: describeRegistry,
  GetRegistryScanningConfiguration: getRegistryScanningConfiguration,
  DescribePullThroughCacheRules: describePullThroughCacheRules,
};

/** Resource Groups Tagging API operations (`ResourceGroupsTaggingAPI_20170126.`). */
export const TAGGING_OPERATIONS: Readonly<Record<string, OperationHandler>> = {
  GetResources: getResources,
};
