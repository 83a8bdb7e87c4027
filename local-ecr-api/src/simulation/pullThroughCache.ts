import { EcrApiError } from '../EcrApiError';
import type {
  ImageRecord,
  PullThroughCacheRuleRecord,
  RepositoryRecord,
} from '../model';
import type { Registry } from '../Registry';
import type { OperationContext } from '../world/OperationContext';
import { isAuthorized } from './authorize';
import {
  RepositoryCreationFailure,
  createFromTemplate,
  inNamespace,
  ROOT_PREFIX,
} from './creationTemplates';
import { storeImage } from './storeImage';
import { isTagImmutable } from './tagMutability';

/**
 * Upstream registries that need credentials from a Secrets Manager secret (the others —
 * ECR Public, Quay, registry.k8s.io — are anonymous; ECR upstreams use an IAM role):
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html
 */
export const CREDENTIAL_UPSTREAMS = new Set([
  'docker-hub',
  'github-container-registry',
  'azure-container-registry',
  'gitlab-container-registry',
  'chainguard',
]);

/** How often ECR re-checks an upstream tag it has cached: at most once every 24 hours. */
export const UPSTREAM_SYNC_INTERVAL_SECONDS = 24 * 3600;

/** A pull through the cache that ECR refuses: a BatchGetImage failure code and its reason. */
export class PullFailure extends Error {
  constructor(
    readonly failureCode:
      | 'UpstreamAccessDenied'
      | 'UpstreamUnavailable'
      | 'UpstreamTooManyRequests'
      | 'ImageNotFound',
    message: string,
  ) {
    super(message);
  }
}

/** The rule whose prefix covers `name` (the longest; ROOT last). */
export function ruleFor(
  registry: Registry,
  name: string,
): PullThroughCacheRuleRecord | undefined {
  return registry.settings.pullThroughCacheRules
    .filter(rule => inNamespace(rule.ecrRepositoryPrefix, name))
    .sort((a, b) =>
      a.ecrRepositoryPrefix === ROOT_PREFIX
        ? 1
        : b.ecrRepositoryPrefix === ROOT_PREFIX
          ? -1
          : b.ecrRepositoryPrefix.length - a.ecrRepositoryPrefix.length,
    )[0];
}

/** The upstream repository path behind a cached repository name. */
export function upstreamRepository(
  rule: PullThroughCacheRuleRecord,
  name: string,
): string {
  const rest =
    rule.ecrRepositoryPrefix === ROOT_PREFIX
      ? name
      : name.slice(rule.ecrRepositoryPrefix.replace(/\/$/, '').length + 1);
  const upstreamPrefix = rule.upstreamRepositoryPrefix?.replace(/\/$/, '');
  return upstreamPrefix && upstreamPrefix !== ROOT_PREFIX
    ? `${upstreamPrefix}/${rest}`
    : rest;
}

const ECR_HOST = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;

/**
 * Why ECR could not read from the rule's upstream with the rule's credentials, if it could
 * not: a missing, deleted or rejected secret; for an ECR upstream in another account, no
 * `customRoleArn`.
 */
export function upstreamAccessProblem(
  registry: Registry,
  context: OperationContext,
  rule: PullThroughCacheRuleRecord,
): string | undefined {
  if (CREDENTIAL_UPSTREAMS.has(rule.upstreamRegistry)) {
    if (!rule.credentialArn) {
      return `the upstream ${rule.upstreamRegistryUrl} needs credentials and the rule has no credentialArn`;
    }
    const secret = context.world.resources.secret(rule.credentialArn);
    if (!secret) return `the secret ${rule.credentialArn} does not exist`;
    if (!secret.valid) {
      return `${rule.upstreamRegistryUrl} rejected the credentials in ${rule.credentialArn}`;
    }
  }
  if (rule.upstreamRegistry === 'ecr') {
    const match = ECR_HOST.exec(rule.upstreamRegistryUrl);
    if (match && match[1] !== registry.accountId && !rule.customRoleArn) {
      return `the upstream registry belongs to account ${match[1]}; an ECR upstream in another account needs customRoleArn`;
    }
  }
  return undefined;
}

/** The upstream image `reference` names, with an index's platform manifests. */
function upstreamImages(
  context: OperationContext,
  rule: PullThroughCacheRuleRecord,
  path: string,
  reference: { tag?: string; digest?: string },
): ImageRecord[] {
  const ecr =
    rule.upstreamRegistry === 'ecr'
      ? ECR_HOST.exec(rule.upstreamRegistryUrl)
      : null;
  if (ecr) {
    const repository = context.world.store
      .find(ecr[1], ecr[2])
      ?.repositories.get(path);
    const image = repository
      ? [...repository.images.values()].find(i =>
          reference.digest
            ? i.imageDigest === reference.digest
            : i.imageTags.includes(reference.tag ?? ''),
        )
      : undefined;
    if (!repository || !image) {
      throw new PullFailure(
        'ImageNotFound',
        `${rule.upstreamRegistryUrl}/${path} has no image ${reference.tag ?? reference.digest}`,
      );
    }
    return [
      image,
      ...(image.manifests ?? [])
        .map(m => repository.images.get(m.digest))
        .filter((i): i is ImageRecord => i !== undefined),
    ];
  }
  if (!context.world.upstreams.hasRegistry(rule.upstreamRegistryUrl)) {
    throw new PullFailure(
      'UpstreamUnavailable',
      `the upstream registry ${rule.upstreamRegistryUrl} is not reachable (it is not in the simulator's seed)`,
    );
  }
  const images = context.world.upstreams.resolve(
    rule.upstreamRegistryUrl,
    path,
    reference,
  );
  if (!images) {
    throw new PullFailure(
      'ImageNotFound',
      `${rule.upstreamRegistryUrl}/${path} has no image ${reference.tag ?? reference.digest}`,
    );
  }
  return images;
}

function importImages(
  registry: Registry,
  repository: RepositoryRecord,
  images: readonly ImageRecord[],
  tag: string | undefined,
  now: number,
): ImageRecord {
  const [top, ...platforms] = images;
  for (const image of platforms) {
    if (!repository.images.has(image.imageDigest)) {
      storeImage(
        registry,
        repository,
        { ...image, knownScan: image.scan },
        undefined,
        now,
      ).upstreamSyncedAt = now;
    }
  }
  const present = repository.images.get(top.imageDigest);
  const stored =
    present && (!tag || present.imageTags.includes(tag))
      ? present
      : storeImage(
          registry,
          repository,
          { ...top, knownScan: top.scan },
          tag,
          now,
        );
  stored.upstreamSyncedAt = now;
  return stored;
}

/**
 * A pull of `name:reference` through the cache, as ECR plays it out on BatchGetImage:
 * - no cached repository yet: the caller needs `ecr:CreateRepository` and
 *   `ecr:BatchImportUpstreamImage` on it (identity or registry policy,
 *   pull-through-cache-iam); ECR creates it from the PULL_THROUGH_CACHE creation template
 *   (or its defaults) and imports the image;
 * - cached: a tag is re-checked upstream at most every 24 hours; a changed upstream tag
 *   replaces the cached one only where the tag is mutable — an IMMUTABLE cached repository
 *   keeps serving the first digest it cached.
 * Returns undefined when no rule covers `name` (an ordinary missing repository).
 */
export function pullThroughCache(
  registry: Registry,
  context: OperationContext,
  name: string,
  reference: { tag?: string; digest?: string },
): ImageRecord | undefined {
  let repository = registry.repositories.get(name);
  const rule = repository
    ? repository.pullThroughCachePrefix !== undefined
      ? registry.settings.pullThroughCacheRules.find(
          r => r.ecrRepositoryPrefix === repository!.pullThroughCachePrefix,
        )
      : undefined
    : ruleFor(registry, name);
  if (!rule) return undefined;
  const repositoryArn = registry.repositoryArn(name);
  const cached =
    repository &&
    [...repository.images.values()].find(i =>
      reference.digest
        ? i.imageDigest === reference.digest
        : i.imageTags.includes(reference.tag ?? ''),
    );
  if (
    cached &&
    (reference.digest ||
      context.now - (cached.upstreamSyncedAt ?? 0) <
        UPSTREAM_SYNC_INTERVAL_SECONDS)
  ) {
    return cached;
  }
  const denied = (action: string) =>
    !isAuthorized(context.caller, registry, action, repositoryArn);
  if (
    (!repository && denied('ecr:CreateRepository')) ||
    denied('ecr:BatchImportUpstreamImage')
  ) {
    if (cached) return cached;
    throw new EcrApiError(
      'AccessDeniedException',
      `User: ${context.caller.principalArn} is not authorized to perform: ${!repository && denied('ecr:CreateRepository') ? 'ecr:CreateRepository' : 'ecr:BatchImportUpstreamImage'} on resource: ${repositoryArn} (pull through cache rule '${rule.ecrRepositoryPrefix}')`,
    );
  }
  const problem = upstreamAccessProblem(registry, context, rule);
  if (problem) {
    if (cached) return cached;
    throw new PullFailure('UpstreamAccessDenied', problem);
  }
  let images: ImageRecord[];
  try {
    images = upstreamImages(
      context,
      rule,
      upstreamRepository(rule, name),
      reference,
    );
  } catch (error) {
    if (
      cached &&
      error instanceof PullFailure &&
      error.failureCode !== 'ImageNotFound'
    )
      return cached;
    throw error;
  }
  if (cached && cached.imageDigest === images[0].imageDigest) {
    cached.upstreamSyncedAt = context.now;
    return cached;
  }
  if (cached && reference.tag && isTagImmutable(repository!, reference.tag)) {
    // ECR cannot move an immutable tag: the cache keeps the digest it first pulled.
    cached.upstreamSyncedAt = context.now;
    return cached;
  }
  if (!repository) {
    try {
      repository = createFromTemplate(
        registry,
        context.world,
        name,
        'PULL_THROUGH_CACHE',
        context.now,
      );
    } catch (error) {
      if (!(error instanceof RepositoryCreationFailure)) throw error;
      throw new EcrApiError(
        'UnableToGetUpstreamImageException',
        `The image could not be pulled through the cache rule '${rule.ecrRepositoryPrefix}': ${error.message}`,
      );
    }
    repository.pullThroughCachePrefix = rule.ecrRepositoryPrefix;
  }
  return importImages(registry, repository, images, reference.tag, context.now);
}
