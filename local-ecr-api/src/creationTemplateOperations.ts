import { EcrApiError, invalidParameterAt } from './EcrApiError';
import { validateLifecyclePolicy } from './lifecycle';
import type {
  CreationTemplateRecord,
  RepositoryCreator,
  Tag,
  TagMutability,
} from './model';
import { paginate } from './pagination';
import { validatePolicyDocument } from './policies';
import type { Registry } from './Registry';
import { checkMutability } from './repositoryOperations';
import { normalizePrefix } from './simulation/creationTemplates';
import { checkRoleArn } from './validation/roleArn';
import { checkTags, mergeTags } from './validation/tagRules';
import type { OperationContext, Request } from './world/OperationContext';

function templateShape(template: CreationTemplateRecord) {
  return {
    prefix: template.prefix,
    ...(template.description !== undefined
      ? { description: template.description }
      : {}),
    ...(template.encryptionConfiguration
      ? { encryptionConfiguration: template.encryptionConfiguration }
      : {}),
    resourceTags: template.resourceTags,
    ...(template.imageTagMutability
      ? { imageTagMutability: template.imageTagMutability }
      : {}),
    ...(template.imageTagMutabilityExclusionFilters
      ? {
          imageTagMutabilityExclusionFilters:
            template.imageTagMutabilityExclusionFilters,
        }
      : {}),
    ...(template.repositoryPolicy
      ? { repositoryPolicy: template.repositoryPolicy }
      : {}),
    ...(template.lifecyclePolicy
      ? { lifecyclePolicy: template.lifecyclePolicy }
      : {}),
    appliedFor: template.appliedFor,
    ...(template.customRoleArn
      ? { customRoleArn: template.customRoleArn }
      : {}),
    createdAt: template.createdAt,
    updatedAt: template.updatedAt,
  };
}

function findTemplate(
  registry: Registry,
  prefix: string,
): CreationTemplateRecord {
  const template = registry.settings.creationTemplates.get(
    normalizePrefix(prefix),
  );
  if (!template) {
    throw new EcrApiError(
      'TemplateNotFoundException',
      `The repository creation template with prefix '${prefix}' does not exist in the registry with id '${registry.accountId}'`,
    );
  }
  return template;
}

/**
 * The settings of a template, checked as CreateRepository, PutLifecyclePolicy and
 * SetRepositoryPolicy check them, since ECR applies them to the repositories it creates.
 */
function checkTemplate(template: CreationTemplateRecord): void {
  if (template.appliedFor.length === 0) {
    throw invalidParameterAt(
      'appliedFor',
      'A template must apply to at least one of REPLICATION, PULL_THROUGH_CACHE, CREATE_ON_PUSH',
    );
  }
  if (new Set(template.appliedFor).size !== template.appliedFor.length) {
    throw invalidParameterAt(
      'appliedFor',
      'Each appliedFor value may appear once',
    );
  }
  if (template.imageTagMutability) {
    checkMutability(
      template.imageTagMutability,
      template.imageTagMutabilityExclusionFilters,
    );
  } else if (template.imageTagMutabilityExclusionFilters?.length) {
    checkMutability('MUTABLE', template.imageTagMutabilityExclusionFilters);
  }
  checkTags(template.resourceTags);
  mergeTags([], template.resourceTags, `template ${template.prefix}`);
  const encryption = template.encryptionConfiguration;
  if (encryption?.encryptionType === 'AES256' && encryption.kmsKey) {
    throw invalidParameterAt(
      'encryptionConfiguration.kmsKey',
      'A KMS key can only be given with encryptionType KMS or KMS_DSSE',
    );
  }
  if (template.lifecyclePolicy)
    validateLifecyclePolicy(template.lifecyclePolicy);
  if (template.repositoryPolicy)
    validatePolicyDocument(template.repositoryPolicy, 'repository');
  checkRoleArn(template.customRoleArn);
}

function fromRequest(
  request: Request,
  base: Partial<CreationTemplateRecord>,
): Omit<CreationTemplateRecord, 'createdAt' | 'updatedAt' | 'prefix'> {
  const pick = <K extends keyof CreationTemplateRecord>(key: K) =>
    (request[key] !== undefined
      ? request[key]
      : base[key]) as CreationTemplateRecord[K];
  return {
    description: pick('description'),
    encryptionConfiguration: pick('encryptionConfiguration'),
    resourceTags: (
      (request.resourceTags as Tag[] | undefined) ??
      base.resourceTags ??
      []
    ).map(t => ({ Key: t.Key, Value: t.Value })),
    imageTagMutability: pick('imageTagMutability') as TagMutability | undefined,
    imageTagMutabilityExclusionFilters: pick(
      'imageTagMutabilityExclusionFilters',
    ),
    repositoryPolicy: pick('repositoryPolicy') || undefined,
    lifecyclePolicy: pick('lifecyclePolicy') || undefined,
    appliedFor: (pick('appliedFor') ?? []) as RepositoryCreator[],
    customRoleArn: pick('customRoleArn') || undefined,
  };
}

export function createRepositoryCreationTemplate(
  registry: Registry,
  request: Request,
  context: OperationContext,
) {
  const prefix = normalizePrefix(String(request.prefix));
  if (registry.settings.creationTemplates.has(prefix)) {
    throw new EcrApiError(
      'TemplateAlreadyExistsException',
      `A repository creation template with prefix '${prefix}' already exists in the registry with id '${registry.accountId}'`,
    );
  }
  const template: CreationTemplateRecord = {
    prefix,
    ...fromRequest(request, {}),
    createdAt: context.now,
    updatedAt: context.now,
  };
  checkTemplate(template);
  registry.settings.creationTemplates.set(prefix, template);
  return {
    registryId: registry.accountId,
    repositoryCreationTemplate: templateShape(template),
  };
}

export function updateRepositoryCreationTemplate(
  registry: Registry,
  request: Request,
  context: OperationContext,
) {
  const current = findTemplate(registry, String(request.prefix));
  const template: CreationTemplateRecord = {
    ...current,
    ...fromRequest(request, current),
    updatedAt: context.now,
  };
  checkTemplate(template);
  registry.settings.creationTemplates.set(template.prefix, template);
  return {
    registryId: registry.accountId,
    repositoryCreationTemplate: templateShape(template),
  };
}

export function deleteRepositoryCreationTemplate(
  registry: Registry,
  request: Request,
) {
  const template = findTemplate(registry, String(request.prefix));
  registry.settings.creationTemplates.delete(template.prefix);
  return {
    registryId: registry.accountId,
    repositoryCreationTemplate: templateShape(template),
  };
}

export function describeRepositoryCreationTemplates(
  registry: Registry,
  request: Request,
) {
  const prefixes = request.prefixes as string[] | undefined;
  const templates = prefixes
    ? prefixes.map(prefix => findTemplate(registry, prefix))
    : [...registry.settings.creationTemplates.values()].sort((a, b) =>
        a.prefix.localeCompare(b.prefix),
      );
  const page = paginate(
    'DescribeRepositoryCreationTemplates',
    templates,
    request,
    { fallback: 100 },
  );
  return {
    registryId: registry.accountId,
    repositoryCreationTemplates: page.items.map(templateShape),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}
