import { EcrApiError } from './EcrApiError';
import {
  previewLifecyclePolicy,
  summarizePreview,
  validateLifecyclePolicy,
  type PreviewResult,
} from './lifecycle';
import type { RepositoryRecord, TagMutability } from './model';
import { paginate } from './pagination';
import { validatePolicyDocument } from './policies';
import type { Registry } from './Registry';
import { checkMutability, findRepository } from './repositoryOperations';
import type { OperationContext, Request } from './world/OperationContext';

function ids(registry: Registry, repository: RepositoryRecord) {
  return {
    registryId: registry.accountId,
    repositoryName: repository.repositoryName,
  };
}

/** ECR's not-found exception and wording for each stored policy text. */
const POLICY_NOT_FOUND = {
  lifecyclePolicyText: ['LifecyclePolicyNotFoundException', 'Lifecycle policy'],
  repositoryPolicyText: [
    'RepositoryPolicyNotFoundException',
    'Repository policy',
  ],
} as const;

/** The stored policy text of `repository`, or ECR's not-found error for it. */
function requirePolicy(
  registry: Registry,
  repository: RepositoryRecord,
  field: keyof typeof POLICY_NOT_FOUND,
): string {
  const text = repository[field];
  if (!text) {
    const [exception, label] = POLICY_NOT_FOUND[field];
    throw new EcrApiError(
      exception,
      `${label} does not exist for the repository with name '${repository.repositoryName}' in the registry with id '${registry.accountId}'`,
    );
  }
  return text;
}

export function putImageTagMutability(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  const mutability = request.imageTagMutability as TagMutability;
  const filters =
    request.imageTagMutabilityExclusionFilters as RepositoryRecord['imageTagMutabilityExclusionFilters'];
  checkMutability(mutability, filters);
  repository.imageTagMutability = mutability;
  repository.imageTagMutabilityExclusionFilters = filters;
  return {
    ...ids(registry, repository),
    imageTagMutability: mutability,
    ...(filters ? { imageTagMutabilityExclusionFilters: filters } : {}),
  };
}

export function putImageScanningConfiguration(
  registry: Registry,
  request: Request,
) {
  const repository = findRepository(registry, request);
  const config = request.imageScanningConfiguration as { scanOnPush?: boolean };
  repository.scanOnPush = Boolean(config.scanOnPush);
  return {
    ...ids(registry, repository),
    imageScanningConfiguration: { scanOnPush: repository.scanOnPush },
  };
}

export function putLifecyclePolicy(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  const text = String(request.lifecyclePolicyText);
  validateLifecyclePolicy(text);
  repository.lifecyclePolicyText = text;
  return { ...ids(registry, repository), lifecyclePolicyText: text };
}

export function getLifecyclePolicy(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  return {
    ...ids(registry, repository),
    lifecyclePolicyText: requirePolicy(
      registry,
      repository,
      'lifecyclePolicyText',
    ),
    ...(repository.lifecyclePolicyEvaluatedAt
      ? { lastEvaluatedAt: repository.lifecyclePolicyEvaluatedAt }
      : {}),
  };
}

export function deleteLifecyclePolicy(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  const text = requirePolicy(registry, repository, 'lifecyclePolicyText');
  repository.lifecyclePolicyText = undefined;
  return {
    ...ids(registry, repository),
    lifecyclePolicyText: text,
    ...(repository.lifecyclePolicyEvaluatedAt
      ? { lastEvaluatedAt: repository.lifecyclePolicyEvaluatedAt }
      : {}),
  };
}

/**
 * StartLifecyclePolicyPreview: the given policy (or the repository's) is validated like
 * PutLifecyclePolicy and evaluated over the repository's images at once; ECR answers
 * IN_PROGRESS and the preview is COMPLETE for GetLifecyclePolicyPreview.
 */
export function startLifecyclePolicyPreview(
  registry: Registry,
  request: Request,
  context: OperationContext,
) {
  const repository = findRepository(registry, request);
  const text =
    (request.lifecyclePolicyText as string | undefined) ??
    requirePolicy(registry, repository, 'lifecyclePolicyText');
  validateLifecyclePolicy(text);
  repository.lifecyclePreview = { policyText: text, evaluatedAt: context.now };
  return {
    ...ids(registry, repository),
    lifecyclePolicyText: text,
    status: 'IN_PROGRESS',
  };
}

export function getLifecyclePolicyPreview(
  registry: Registry,
  request: Request,
  context: OperationContext,
) {
  const repository = findRepository(registry, request);
  const preview = repository.lifecyclePreview;
  if (!preview) {
    throw new EcrApiError(
      'LifecyclePolicyPreviewNotFoundException',
      `There is no dry run for the repository with name '${repository.repositoryName}' in the registry with id '${registry.accountId}'`,
    );
  }
  const all = previewLifecyclePolicy(
    validateLifecyclePolicy(preview.policyText),
    [...repository.images.values()],
    context.now,
  );
  const wanted = request.imageIds as
    { imageDigest?: string; imageTag?: string }[] | undefined;
  const tagStatus = (request.filter as { tagStatus?: string } | undefined)
    ?.tagStatus;
  const selected = all.filter(
    (result: PreviewResult) =>
      (!wanted ||
        wanted.some(
          id =>
            (!id.imageDigest || id.imageDigest === result.imageDigest) &&
            (!id.imageTag || result.imageTags.includes(id.imageTag)),
        )) &&
      (tagStatus === undefined ||
        tagStatus === 'ANY' ||
        (tagStatus === 'TAGGED') === result.imageTags.length > 0),
  );
  const page = paginate(
    `GetLifecyclePolicyPreview/${repository.repositoryName}/${preview.evaluatedAt}`,
    selected,
    request,
    { fallback: 100 },
  );
  return {
    ...ids(registry, repository),
    lifecyclePolicyText: preview.policyText,
    status: 'COMPLETE',
    previewResults: page.items.map(result => ({
      ...(result.imageTags.length > 0
        ? { imageTags: [...result.imageTags] }
        : {}),
      imageDigest: result.imageDigest,
      imagePushedAt: result.imagePushedAt,
      action: result.action,
      appliedRulePriority: result.appliedRulePriority,
      storageClass: result.storageClass,
    })),
    summary: summarizePreview(all),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}

export function setRepositoryPolicy(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  const text = String(request.policyText);
  validatePolicyDocument(text, 'repository');
  repository.repositoryPolicyText = text;
  return { ...ids(registry, repository), policyText: text };
}

export function getRepositoryPolicy(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  return {
    ...ids(registry, repository),
    policyText: requirePolicy(registry, repository, 'repositoryPolicyText'),
  };
}

export function deleteRepositoryPolicy(registry: Registry, request: Request) {
  const repository = findRepository(registry, request);
  const text = requirePolicy(registry, repository, 'repositoryPolicyText');
  repository.repositoryPolicyText = undefined;
  return { ...ids(registry, repository), policyText: text };
}
