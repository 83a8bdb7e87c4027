import {
  CreatePullThroughCacheRuleCommand,
  CreateRepositoryCommand,
  CreateRepositoryCreationTemplateCommand,
  DescribePullThroughCacheRulesCommand,
  DescribeRegistryCommand,
  DescribeRepositoriesCommand,
  DescribeRepositoryCreationTemplatesCommand,
  GetLifecyclePolicyCommand,
  GetRegistryPolicyCommand,
  GetRegistryScanningConfigurationCommand,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  PutLifecyclePolicyCommand,
  PutRegistryPolicyCommand,
  PutRegistryScanningConfigurationCommand,
  PutReplicationConfigurationCommand,
  SetRepositoryPolicyCommand,
} from '@aws-sdk/client-ecr';
import type {
  EncryptionType,
  ImageTagMutability,
  RCTAppliedFor,
  ScanFrequency,
  ScanType,
} from '@aws-sdk/client-ecr';
import { formatArn, registryHostParts } from '@ecr-kit/ecr-standard';
import type { ResourceContext, ResourceHandler } from './ResourceHandler';
import { aws } from './ResourceHandler';

type Tags = Record<string, string> | undefined;
const tagList = (tags: Tags) =>
  Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
type Encryption = { encryptionType?: string; kmsKey?: string } | undefined;
const encryption = (list: Encryption[] | undefined) => {
  const first = list?.[0];
  return first?.encryptionType
    ? {
        encryptionType: first.encryptionType as EncryptionType,
        ...(first.kmsKey ? { kmsKey: first.kmsKey } : {}),
      }
    : undefined;
};

/** A repository ARN of the context's registry, for IAM checks. */
const repositoryArn = (c: ResourceContext, name: string) =>
  formatArn({
    service: 'ecr',
    region: c.region,
    accountId: c.accountId,
    resource: `repository/${name}`,
  });

/** Fails like ECR would at first use when a role cannot do what ECR needs of it. */
function requireRole(
  c: ResourceContext,
  roleArn: string,
  service: string,
  allows: { action: string; resource: string }[],
): void {
  const problem = c.iam.problem(roleArn, {
    service,
    accountId: c.accountId,
    allows,
  });
  if (problem) {
    throw new Error(`InvalidParameterException: customRoleArn: ${problem}`);
  }
}

/** aws.ecr.Repository: CreateRepository, then DescribeRepositories and ListTagsForResource. */
const repository: ResourceHandler = async c => {
  const { inputs } = c;
  await aws(
    c.ecr.send(
      new CreateRepositoryCommand({
        repositoryName: inputs.name,
        imageTagMutability: inputs.imageTagMutability as ImageTagMutability,
        ...(inputs.imageTagMutabilityExclusionFilters
          ? {
              imageTagMutabilityExclusionFilters:
                inputs.imageTagMutabilityExclusionFilters,
            }
          : {}),
        imageScanningConfiguration: inputs.imageScanningConfiguration,
        encryptionConfiguration: encryption(inputs.encryptionConfigurations),
        tags: tagList(inputs.tags),
      }),
    ),
  );
  const { repositories } = await aws(
    c.ecr.send(
      new DescribeRepositoriesCommand({ repositoryNames: [inputs.name] }),
    ),
  );
  const described = repositories![0];
  const { tags } = await aws(
    c.ecr.send(
      new ListTagsForResourceCommand({ resourceArn: described.repositoryArn }),
    ),
  );
  return {
    id: described.repositoryName!,
    outputs: {
      ...inputs,
      name: described.repositoryName,
      arn: described.repositoryArn,
      registryId: described.registryId,
      repositoryUrl: described.repositoryUri,
      imageTagMutability: described.imageTagMutability,
      encryptionConfigurations: [described.encryptionConfiguration],
      tagsAll: Object.fromEntries((tags ?? []).map(t => [t.Key, t.Value])),
      region: c.region,
    },
  };
};

/** aws.ecr.LifecyclePolicy: PutLifecyclePolicy, then GetLifecyclePolicy. */
const lifecyclePolicy: ResourceHandler = async c => {
  const { inputs } = c;
  await aws(
    c.ecr.send(
      new PutLifecyclePolicyCommand({
        repositoryName: inputs.repository,
        lifecyclePolicyText: inputs.policy,
      }),
    ),
  );
  const read = await aws(
    c.ecr.send(
      new GetLifecyclePolicyCommand({ repositoryName: inputs.repository }),
    ),
  );
  return {
    id: inputs.repository,
    outputs: {
      ...inputs,
      policy: read.lifecyclePolicyText,
      registryId: read.registryId,
      region: c.region,
    },
  };
};

/** aws.ecr.RepositoryPolicy: SetRepositoryPolicy, then GetRepositoryPolicy. */
const repositoryPolicy: ResourceHandler = async c => {
  const { inputs } = c;
  await aws(
    c.ecr.send(
      new SetRepositoryPolicyCommand({
        repositoryName: inputs.repository,
        policyText: inputs.policy,
      }),
    ),
  );
  const read = await aws(
    c.ecr.send(
      new GetRepositoryPolicyCommand({ repositoryName: inputs.repository }),
    ),
  );
  return {
    id: inputs.repository,
    outputs: {
      ...inputs,
      policy: read.policyText,
      registryId: read.registryId,
      region: c.region,
    },
  };
};

/** aws.ecr.RegistryPolicy: PutRegistryPolicy, then GetRegistryPolicy. */
const registryPolicy: ResourceHandler = async c => {
  await aws(
    c.ecr.send(new PutRegistryPolicyCommand({ policyText: c.inputs.policy })),
  );
  const read = await aws(c.ecr.send(new GetRegistryPolicyCommand({})));
  return {
    id: read.registryId!,
    outputs: { ...c.inputs, registryId: read.registryId, region: c.region },
  };
};

/** aws.ecr.ReplicationConfiguration: PutReplicationConfiguration, then DescribeRegistry. */
const replicationConfiguration: ResourceHandler = async c => {
  await aws(
    c.ecr.send(
      new PutReplicationConfigurationCommand({
        replicationConfiguration: c.inputs.replicationConfiguration,
      }),
    ),
  );
  const read = await aws(c.ecr.send(new DescribeRegistryCommand({})));
  return {
    id: read.registryId!,
    outputs: {
      ...c.inputs,
      replicationConfiguration: read.replicationConfiguration,
      registryId: read.registryId,
      region: c.region,
    },
  };
};

/** aws.ecr.RegistryScanningConfiguration: Put…, then GetRegistryScanningConfiguration. */
const registryScanningConfiguration: ResourceHandler = async c => {
  const { inputs } = c;
  await aws(
    c.ecr.send(
      new PutRegistryScanningConfigurationCommand({
        scanType: inputs.scanType as ScanType,
        rules: (inputs.rules ?? []).map(
          (rule: { scanFrequency: string; repositoryFilters: unknown[] }) => ({
            scanFrequency: rule.scanFrequency as ScanFrequency,
            repositoryFilters: rule.repositoryFilters,
          }),
        ),
      }),
    ),
  );
  const read = await aws(
    c.ecr.send(new GetRegistryScanningConfigurationCommand({})),
  );
  return {
    id: read.registryId!,
    outputs: { ...inputs, registryId: read.registryId, region: c.region },
  };
};

/** aws.ecr.PullThroughCacheRule: CreatePullThroughCacheRule, then DescribePullThroughCacheRules. */
const pullThroughCacheRule: ResourceHandler = async c => {
  const { inputs } = c;
  if (inputs.customRoleArn) {
    const upstream = registryHostParts(inputs.upstreamRegistryUrl);
    const upstreamPath = inputs.upstreamRepositoryPrefix ?? 'any';
    requireRole(c, inputs.customRoleArn, 'pullthroughcache.ecr.amazonaws.com', [
      ...(upstream
        ? ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'].map(action => ({
            action,
            resource: formatArn({
              service: 'ecr',
              region: upstream.region,
              accountId: upstream.accountId,
              resource: `repository/${upstreamPath}/image`,
            }),
          }))
        : []),
      {
        action: 'ecr:BatchImportUpstreamImage',
        resource: repositoryArn(c, `${inputs.ecrRepositoryPrefix}/image`),
      },
    ]);
  }
  await aws(
    c.ecr.send(
      new CreatePullThroughCacheRuleCommand({
        ecrRepositoryPrefix: inputs.ecrRepositoryPrefix,
        upstreamRegistryUrl: inputs.upstreamRegistryUrl,
        ...(inputs.credentialArn
          ? { credentialArn: inputs.credentialArn }
          : {}),
        ...(inputs.customRoleArn
          ? { customRoleArn: inputs.customRoleArn }
          : {}),
        ...(inputs.upstreamRepositoryPrefix
          ? { upstreamRepositoryPrefix: inputs.upstreamRepositoryPrefix }
          : {}),
      }),
    ),
  );
  const { pullThroughCacheRules } = await aws(
    c.ecr.send(
      new DescribePullThroughCacheRulesCommand({
        ecrRepositoryPrefixes: [inputs.ecrRepositoryPrefix],
      }),
    ),
  );
  const rule = pullThroughCacheRules![0];
  return {
    id: rule.ecrRepositoryPrefix!,
    outputs: {
      ...inputs,
      registryId: rule.registryId,
      upstreamRegistry: rule.upstreamRegistry,
      region: c.region,
    },
  };
};

/** aws.ecr.RepositoryCreationTemplate: Create…, then DescribeRepositoryCreationTemplates. */
const repositoryCreationTemplate: ResourceHandler = async c => {
  const { inputs } = c;
  const appliedFor = (inputs.appliedFors ?? []) as RCTAppliedFor[];
  const tags = tagList(inputs.resourceTags);
  const kms = encryption(inputs.encryptionConfigurations);
  if (inputs.customRoleArn) {
    const sample = repositoryArn(
      c,
      inputs.prefix === 'ROOT' ? 'any/image' : `${inputs.prefix}/image`,
    );
    requireRole(c, inputs.customRoleArn, 'ecr.amazonaws.com', [
      { action: 'ecr:CreateRepository', resource: sample },
      ...(tags.length > 0
        ? [{ action: 'ecr:TagResource', resource: sample }]
        : []),
      ...(appliedFor.includes('REPLICATION')
        ? [{ action: 'ecr:ReplicateImage', resource: sample }]
        : []),
      ...(kms?.kmsKey
        ? ['kms:CreateGrant', 'kms:DescribeKey'].map(action => ({
            action,
            resource: kms.kmsKey!,
          }))
        : []),
    ]);
  }
  await aws(
    c.ecr.send(
      new CreateRepositoryCreationTemplateCommand({
        prefix: inputs.prefix,
        ...(inputs.description ? { description: inputs.description } : {}),
        appliedFor,
        ...(inputs.imageTagMutability
          ? { imageTagMutability: inputs.imageTagMutability }
          : {}),
        ...(inputs.imageTagMutabilityExclusionFilters
          ? {
              imageTagMutabilityExclusionFilters:
                inputs.imageTagMutabilityExclusionFilters,
            }
          : {}),
        ...(kms ? { encryptionConfiguration: kms } : {}),
        ...(inputs.lifecyclePolicy
          ? { lifecyclePolicy: inputs.lifecyclePolicy }
          : {}),
        ...(inputs.repositoryPolicy
          ? { repositoryPolicy: inputs.repositoryPolicy }
          : {}),
        resourceTags: tags,
        ...(inputs.customRoleArn
          ? { customRoleArn: inputs.customRoleArn }
          : {}),
      }),
    ),
  );
  const { repositoryCreationTemplates, registryId } = await aws(
    c.ecr.send(
      new DescribeRepositoryCreationTemplatesCommand({
        prefixes: [inputs.prefix],
      }),
    ),
  );
  return {
    id: repositoryCreationTemplates![0].prefix!,
    outputs: { ...inputs, registryId, region: c.region },
  };
};

/** The `aws:ecr/*` resources ecr-kit registers, by type token. */
export const ECR_RESOURCES: Readonly<Record<string, ResourceHandler>> = {
  'aws:ecr/repository:Repository': repository,
  'aws:ecr/lifecyclePolicy:LifecyclePolicy': lifecyclePolicy,
  'aws:ecr/repositoryPolicy:RepositoryPolicy': repositoryPolicy,
  'aws:ecr/registryPolicy:RegistryPolicy': registryPolicy,
  'aws:ecr/replicationConfiguration:ReplicationConfiguration':
    replicationConfiguration,
  'aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration':
    registryScanningConfiguration,
  'aws:ecr/pullThroughCacheRule:PullThroughCacheRule': pullThroughCacheRule,
  'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate':
    repositoryCreationTemplate,
};
