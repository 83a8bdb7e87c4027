import { EcrApiError } from '../EcrApiError';
import type {
  CreationTemplateRecord,
  RepositoryCreator,
  RepositoryRecord,
} from '../model';
import type { Registry } from '../Registry';
import { addRepository } from '../repositoryOperations';
import type { World } from '../world/OperationContext';

/** The prefix that stands for every repository without a more specific template. */
export const ROOT_PREFIX = 'ROOT';

/** `team/` and `team` name the same namespace: ECR always assumes a trailing `/`. */
export function normalizePrefix(prefix: string): string {
  return prefix === ROOT_PREFIX ? prefix : prefix.replace(/\/$/, '');
}

/** Whether `name` lies in the namespace `prefix` (ROOT covers every name). */
export function inNamespace(prefix: string, name: string): boolean {
  return (
    prefix === ROOT_PREFIX || name.startsWith(`${normalizePrefix(prefix)}/`)
  );
}

/**
 * The creation template ECR applies when it creates `name` for `creator`: the one with the
 * longest matching prefix, else ROOT, among templates applied for `creator`
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-creation-templates.html).
 */
export function matchingTemplate(
  registry: Registry,
  name: string,
  creator: RepositoryCreator,
): CreationTemplateRecord | undefined {
  let best: CreationTemplateRecord | undefined;
  for (const template of registry.settings.creationTemplates.values()) {
    if (!template.appliedFor.includes(creator)) continue;
    if (!inNamespace(template.prefix, name)) continue;
    if (
      !best ||
      best.prefix === ROOT_PREFIX ||
      (template.prefix !== ROOT_PREFIX &&
        template.prefix.length > best.prefix.length)
    ) {
      best = template;
    }
  }
  return best;
}

/** Why ECR could not create a repository on someone's behalf. */
export class RepositoryCreationFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Creates `name` as ECR does for pull through cache, replication or create-on-push: the
 * matching template's settings, or ECR's defaults (MUTABLE, AES256, no tags) without one.
 * A template that tags or encrypts with KMS needs `customRoleArn` — ECR creates such
 * repositories with that role (repository-creation-templates-create-iam); without it the
 * creation fails. IAM is not modelled: a given role counts as assumable.
 */
export function createFromTemplate(
  registry: Registry,
  world: World,
  name: string,
  creator: RepositoryCreator,
  now: number,
): RepositoryRecord {
  const template = matchingTemplate(registry, name, creator);
  if (template && !template.customRoleArn) {
    const needs = [
      template.resourceTags.length > 0 ? 'resource tags' : undefined,
      template.encryptionConfiguration?.encryptionType.startsWith('KMS')
        ? 'KMS encryption'
        : undefined,
    ].filter(Boolean);
    if (needs.length > 0) {
      throw new RepositoryCreationFailure(
        'TEMPLATE_ROLE_MISSING',
        `ECR cannot create repository '${name}' from creation template '${template.prefix}': the template sets ${needs.join(' and ')} but has no customRoleArn, and ECR needs that role to apply them`,
      );
    }
  }
  try {
    const repository = addRepository(
      registry,
      world,
      {
        name,
        imageTagMutability: template?.imageTagMutability,
        imageTagMutabilityExclusionFilters:
          template?.imageTagMutabilityExclusionFilters,
        encryptionType: template?.encryptionConfiguration?.encryptionType,
        kmsKey: template?.encryptionConfiguration?.kmsKey || undefined,
        tags: template?.resourceTags,
      },
      now,
    );
    repository.createdBy = creator;
    if (template?.repositoryPolicy) {
      repository.repositoryPolicyText = template.repositoryPolicy;
    }
    if (template?.lifecyclePolicy) {
      repository.lifecyclePolicyText = template.lifecyclePolicy;
    }
    return repository;
  } catch (error) {
    if (error instanceof EcrApiError) {
      throw new RepositoryCreationFailure(error.type, error.message);
    }
    throw error;
  }
}
