import { EcrApiError, invalidParameterAt } from './EcrApiError';
import type { PullThroughCacheRuleRecord } from './model';
import { paginate } from './pagination';
import type { Registry } from './Registry';
import { checkRegistryId } from './repositoryOperations';
import { normalizePrefix } from './simulation/creationTemplates';
import {
  CREDENTIAL_UPSTREAMS,
  upstreamAccessProblem,
} from './simulation/pullThroughCache';
import { checkRoleArn } from './validation/roleArn';
import type { OperationContext, Request } from './world/OperationContext';

/** Pull through cache rules per registry (Amazon ECR service quotas). */
export const MAX_PULL_THROUGH_CACHE_RULES = 50;

/**
 * The upstream registry a URL names (`upstreamRegistryUrl` syntax of
 * CreatePullThroughCacheRule in the ECR API reference).
 */
export function upstreamRegistryOf(url: string): string | undefined {
  if (url === 'public.ecr.aws') return 'ecr-public';
  if (url === 'registry-1.docker.io') return 'docker-hub';
  if (url === 'quay.io') return 'quay';
  if (url === 'registry.k8s.io') return 'k8s';
  if (url === 'ghcr.io') return 'github-container-registry';
  if (url === 'registry.gitlab.com') return 'gitlab-container-registry';
  if (url === 'cgr.dev') return 'chainguard';
  if (/^[a-z0-9]+\.azurecr\.io$/.test(url)) return 'azure-container-registry';
  if (/^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(url))
    return 'ecr';
  return undefined;
}

const SECRET_ARN_PARTS =
  /^arn:(aws[a-z-]*):secretsmanager:([a-z0-9-]+):(\d{12}):secret:/;

function ruleShape(registry: Registry, rule: PullThroughCacheRuleRecord) {
  return {
    ecrRepositoryPrefix: rule.ecrRepositoryPrefix,
    upstreamRegistryUrl: rule.upstreamRegistryUrl,
    createdAt: rule.createdAt,
    registryId: registry.accountId,
    upstreamRegistry: rule.upstreamRegistry,
    ...(rule.credentialArn ? { credentialArn: rule.credentialArn } : {}),
    ...(rule.customRoleArn ? { customRoleArn: rule.customRoleArn } : {}),
    ...(rule.upstreamRepositoryPrefix
      ? { upstreamRepositoryPrefix: rule.upstreamRepositoryPrefix }
      : {}),
    ...(rule.updatedAt ? { updatedAt: rule.updatedAt } : {}),
  };
}

function findRule(
  registry: Registry,
  prefix: string,
): PullThroughCacheRuleRecord {
  const rule = registry.settings.pullThroughCacheRules.find(
    r => r.ecrRepositoryPrefix === normalizePrefix(prefix),
  );
  if (!rule) {
    throw new EcrApiError(
      'PullThroughCacheRuleNotFoundException',
      `The pull through cache rule with prefix '${prefix}' does not exist in the registry with id '${registry.accountId}'`,
    );
  }
  return rule;
}

/**
 * A rule's credentials as ECR checks them when the rule is created or updated: the secret
 * must exist in the rule's account and Region (pull-through-cache-creating-rule, prerequisites);
 * upstreams that require authentication need one; a role must be an IAM role ARN.
 */
function checkCredentials(
  registry: Registry,
  context: OperationContext,
  upstream: string,
  credentialArn: string | undefined,
  customRoleArn: string | undefined,
): void {
  if (CREDENTIAL_UPSTREAMS.has(upstream) && !credentialArn) {
    throw invalidParameterAt(
      'credentialArn',
      `The upstream registry ${upstream} requires authentication: give the ARN of a Secrets Manager secret named ecr-pullthroughcache/…`,
    );
  }
  if (credentialArn) {
    const parts = SECRET_ARN_PARTS.exec(credentialArn);
    if (
      !parts ||
      parts[2] !== registry.region ||
      parts[3] !== registry.accountId
    ) {
      throw new EcrApiError(
        'UnableToAccessSecretException',
        `The secret ${credentialArn} must be in the rule's account ${registry.accountId} and Region ${registry.region}`,
      );
    }
    if (!context.world.resources.secret(credentialArn)) {
      throw new EcrApiError(
        'SecretNotFoundException',
        `The secret ${credentialArn} does not exist`,
      );
    }
  }
  checkRoleArn(customRoleArn);
}

export function createPullThroughCacheRule(
  registry: Registry,
  request: Request,
  context: OperationContext,
) {
  checkRegistryId(registry, request);
  const prefix = normalizePrefix(String(request.ecrRepositoryPrefix));
  const url = String(request.upstreamRegistryUrl);
  const inferred = upstreamRegistryOf(url);
  const upstream = (request.upstreamRegistry as string | undefined) ?? inferred;
  if (!inferred || !upstream) {
    throw new EcrApiError(
      'UnsupportedUpstreamRegistryException',
      `The upstream registry URL '${url}' is not supported for pull through cache`,
    );
  }
  if (upstream !== inferred) {
    throw invalidParameterAt(
      'upstreamRegistry',
      `'${upstream}' does not match the upstream registry URL ${url} (${inferred})`,
    );
  }
  if (
    registry.settings.pullThroughCacheRules.some(
      r => r.ecrRepositoryPrefix === prefix,
    )
  ) {
    throw new EcrApiError(
      'PullThroughCacheRuleAlreadyExistsException',
      `A pull through cache rule with prefix '${prefix}' already exists in the registry with id '${registry.accountId}'`,
    );
  }
  if (
    registry.settings.pullThroughCacheRules.length >=
    MAX_PULL_THROUGH_CACHE_RULES
  ) {
    throw new EcrApiError(
      'LimitExceededException',
      `A registry can have at most ${MAX_PULL_THROUGH_CACHE_RULES} pull through cache rules`,
    );
  }
  const upstreamPrefix = request.upstreamRepositoryPrefix as string | undefined;
  if (upstreamPrefix !== undefined && upstream !== 'ecr') {
    throw invalidParameterAt(
      'upstreamRepositoryPrefix',
      'upstreamRepositoryPrefix is only supported for an Amazon ECR upstream registry',
    );
  }
  const credentialArn = request.credentialArn as string | undefined;
  const customRoleArn = request.customRoleArn as string | undefined;
  checkCredentials(registry, context, upstream, credentialArn, customRoleArn);
  const rule: PullThroughCacheRuleRecord = {
    ecrRepositoryPrefix: prefix,
    upstreamRegistryUrl: url,
    upstreamRegistry: upstream,
    ...(credentialArn ? { credentialArn } : {}),
    ...(customRoleArn ? { customRoleArn } : {}),
    ...(upstreamPrefix
      ? { upstreamRepositoryPrefix: normalizePrefix(upstreamPrefix) }
      : {}),
    createdAt: context.now,
  };
  registry.settings.pullThroughCacheRules.push(rule);
  return ruleShape(registry, rule);
}

export function updatePullThroughCacheRule(
  registry: Registry,
  request: Request,
  context: OperationContext,
) {
  checkRegistryId(registry, request);
  const rule = findRule(registry, String(request.ecrRepositoryPrefix));
  const credentialArn =
    (request.credentialArn as string | undefined) ?? rule.credentialArn;
  const customRoleArn =
    (request.customRoleArn as string | undefined) ?? rule.customRoleArn;
  checkCredentials(
    registry,
    context,
    rule.upstreamRegistry,
    credentialArn,
    customRoleArn,
  );
  rule.credentialArn = credentialArn;
  rule.customRoleArn = customRoleArn;
  rule.updatedAt = context.now;
  return {
    ecrRepositoryPrefix: rule.ecrRepositoryPrefix,
    registryId: registry.accountId,
    updatedAt: context.now,
    ...(rule.credentialArn ? { credentialArn: rule.credentialArn } : {}),
    ...(rule.customRoleArn ? { customRoleArn: rule.customRoleArn } : {}),
    ...(rule.upstreamRepositoryPrefix
      ? { upstreamRepositoryPrefix: rule.upstreamRepositoryPrefix }
      : {}),
  };
}

export function deletePullThroughCacheRule(
  registry: Registry,
  request: Request,
) {
  checkRegistryId(registry, request);
  const rule = findRule(registry, String(request.ecrRepositoryPrefix));
  registry.settings.pullThroughCacheRules =
    registry.settings.pullThroughCacheRules.filter(r => r !== rule);
  return {
    ecrRepositoryPrefix: rule.ecrRepositoryPrefix,
    upstreamRegistryUrl: rule.upstreamRegistryUrl,
    createdAt: rule.createdAt,
    registryId: registry.accountId,
    ...(rule.credentialArn ? { credentialArn: rule.credentialArn } : {}),
    ...(rule.customRoleArn ? { customRoleArn: rule.customRoleArn } : {}),
    ...(rule.upstreamRepositoryPrefix
      ? { upstreamRepositoryPrefix: rule.upstreamRepositoryPrefix }
      : {}),
  };
}

export function describePullThroughCacheRules(
  registry: Registry,
  request: Request,
) {
  checkRegistryId(registry, request);
  const prefixes = request.ecrRepositoryPrefixes as string[] | undefined;
  const rules = prefixes
    ? prefixes.map(prefix => findRule(registry, prefix))
    : registry.settings.pullThroughCacheRules;
  const page = paginate('DescribePullThroughCacheRules', rules, request, {
    fallback: 100,
  });
  return {
    pullThroughCacheRules: page.items.map(rule => ruleShape(registry, rule)),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}

/** ValidatePullThroughCacheRule: whether ECR can reach the upstream with the rule's credentials. */
export function validatePullThroughCacheRule(
  registry: Registry,
  request: Request,
  context: OperationContext,
) {
  checkRegistryId(registry, request);
  const rule = findRule(registry, String(request.ecrRepositoryPrefix));
  const problem =
    upstreamAccessProblem(registry, context, rule) ??
    (rule.upstreamRegistry !== 'ecr' &&
    !context.world.upstreams.hasRegistry(rule.upstreamRegistryUrl)
      ? `the upstream registry ${rule.upstreamRegistryUrl} is not reachable (it is not in the simulator's seed)`
      : undefined);
  return {
    ecrRepositoryPrefix: rule.ecrRepositoryPrefix,
    registryId: registry.accountId,
    upstreamRegistryUrl: rule.upstreamRegistryUrl,
    ...(rule.credentialArn ? { credentialArn: rule.credentialArn } : {}),
    ...(rule.customRoleArn ? { customRoleArn: rule.customRoleArn } : {}),
    ...(rule.upstreamRepositoryPrefix
      ? { upstreamRepositoryPrefix: rule.upstreamRepositoryPrefix }
      : {}),
    isValid: problem === undefined,
    ...(problem ? { failure: problem } : {}),
  };
}
