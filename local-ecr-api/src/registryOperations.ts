import { paginate } from './pagination';
import type { Registry } from './Registry';

export function describeRegistry(registry: Registry) {
  return {
    registryId: registry.accountId,
    replicationConfiguration: { rules: registry.settings.replicationRules },
  };
}

export function getRegistryScanningConfiguration(registry: Registry) {
  return {
    registryId: registry.accountId,
    scanningConfiguration: {
      scanType: registry.settings.scanType,
      rules: registry.settings.scanningRules,
    },
  };
}

export function describePullThroughCacheRules(
  registry: Registry,
  request: Record<string, unknown>,
) {
  const prefixes = request.ecrRepositoryPrefixes as string[] | undefined;
  const rules = registry.settings.pullThroughCacheRules.filter(
    rule => !prefixes || prefixes.includes(rule.ecrRepositoryPrefix),
  );
  const page = paginate('DescribePullThroughCacheRules', rules, request, {
    max: 1000,
    fallback: 100,
  });
  return {
    pullThroughCacheRules: page.items.map(rule => ({
      ...rule,
      registryId: registry.accountId,
    })),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}
