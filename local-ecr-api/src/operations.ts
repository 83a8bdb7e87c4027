import {
  createRepositoryCreationTemplate,
  deleteRepositoryCreationTemplate,
  describeRepositoryCreationTemplates,
  updateRepositoryCreationTemplate,
} from './creationTemplateOperations';
import { batchGetImage, describeImages, listImages } from './imageOperations';
import {
  batchDeleteImage,
  batchGetRepositoryScanningConfiguration,
  describeImageReplicationStatus,
  getAuthorizationToken,
  putImage,
  startImageScan,
} from './imageWriteOperations';
import {
  createPullThroughCacheRule,
  deletePullThroughCacheRule,
  describePullThroughCacheRules,
  updatePullThroughCacheRule,
  validatePullThroughCacheRule,
} from './pullThroughCacheOperations';
import {
  deleteRegistryPolicy,
  describeRegistry,
  getRegistryPolicy,
  getRegistryScanningConfiguration,
  putRegistryPolicy,
  putRegistryScanningConfiguration,
  putReplicationConfiguration,
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
  getLifecyclePolicyPreview,
  getRepositoryPolicy,
  putImageScanningConfiguration,
  putImageTagMutability,
  putLifecyclePolicy,
  setRepositoryPolicy,
  startLifecyclePolicyPreview,
} from './repositorySettingsOperations';
import { describeImageScanFindings } from './scanFindingsOperations';
import {
  getResources,
  listTagsForResource,
  tagResource,
  untagResource,
} from './tagOperations';
import type { OperationHandler } from './world/OperationContext';

export type { OperationHandler } from './world/OperationContext';

/** ECR operations by the name after `AmazonEC2ContainerRegistry_V20150921.`. */
export const ECR_OPERATIONS: Readonly<Record<string, OperationHandler>> = {
  BatchDeleteImage: batchDeleteImage,
  BatchGetImage: batchGetImage,
  BatchGetRepositoryScanningConfiguration:
    batchGetRepositoryScanningConfiguration,
  CreatePullThroughCacheRule: createPullThroughCacheRule,
  CreateRepository: createRepository,
  CreateRepositoryCreationTemplate: createRepositoryCreationTemplate,
  DeleteLifecyclePolicy: deleteLifecyclePolicy,
  DeletePullThroughCacheRule: deletePullThroughCacheRule,
  DeleteRegistryPolicy: deleteRegistryPolicy,
  DeleteRepository: deleteRepository,
  DeleteRepositoryCreationTemplate: deleteRepositoryCreationTemplate,
  DeleteRepositoryPolicy: deleteRepositoryPolicy,
  DescribeImageReplicationStatus: describeImageReplicationStatus,
  DescribeImageScanFindings: describeImageScanFindings,
  DescribeImages: describeImages,
  DescribePullThroughCacheRules: describePullThroughCacheRules,
  DescribeRegistry: describeRegistry,
  DescribeRepositories: describeRepositories,
  DescribeRepositoryCreationTemplates: describeRepositoryCreationTemplates,
  GetAuthorizationToken: getAuthorizationToken,
  GetLifecyclePolicy: getLifecyclePolicy,
  GetLifecyclePolicyPreview: getLifecyclePolicyPreview,
  GetRegistryPolicy: getRegistryPolicy,
  GetRegistryScanningConfiguration: getRegistryScanningConfiguration,
  GetRepositoryPolicy: getRepositoryPolicy,
  ListImages: listImages,
  ListTagsForResource: listTagsForResource,
  PutImage: putImage,
  PutImageScanningConfiguration: putImageScanningConfiguration,
  PutImageTagMutability: putImageTagMutability,
  PutLifecyclePolicy: putLifecyclePolicy,
  PutRegistryPolicy: putRegistryPolicy,
  PutRegistryScanningConfiguration: putRegistryScanningConfiguration,
  PutReplicationConfiguration: putReplicationConfiguration,
  SetRepositoryPolicy: setRepositoryPolicy,
  StartImageScan: startImageScan,
  StartLifecyclePolicyPreview: startLifecyclePolicyPreview,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdatePullThroughCacheRule: updatePullThroughCacheRule,
  UpdateRepositoryCreationTemplate: updateRepositoryCreationTemplate,
  ValidatePullThroughCacheRule: validatePullThroughCacheRule,
};

/** Resource Groups Tagging API operations (`ResourceGroupsTaggingAPI_20170126.`). */
export const TAGGING_OPERATIONS: Readonly<Record<string, OperationHandler>> = {
  GetResources: getResources,
};
