import type { StandardViolation } from './EcrStandardError';
import type { RegistryIdentity } from './awsIdentifiers';
import { validateAccountId } from './awsIdentifiers';
import { PULL_THROUGH_CACHE_SECRET_PREFIX } from './defaults';
import { partitionOf } from './partitions';
import { parseRoleArn } from './principals';
import { registryHostParts } from './registryHostParts';
import { REPOSITORY_NAME_PATTERN } from './repositoryName';

/**
 * Upstream registries that an ECR pull-through cache rule can mirror.
 *
 * @public
 */
export const PullThroughCacheUpstream = {
  /** public.ecr.aws */
  EcrPublic: 'ecr-public',
  /** quay.io */
  Quay: 'quay',
  /** registry.k8s.io */
  K8s: 'k8s',
  /** registry-1.docker.io */
  DockerHub: 'docker-hub',
  /** ghcr.io */
  Github: 'github',
  /** registry.gitlab.com */
  Gitlab: 'gitlab',
  /** <name>.azurecr.io */
  Azure: 'azure',
  /** cgr.dev */
  Chainguard: 'chainguard',
  /** Another ECR private registry. */
  Ecr: 'ecr',
} as const;
/**
 * Upstream registries that an ECR pull-through cache rule can mirror.
 *
 * @public
 */
export type PullThroughCacheUpstream =
  (typeof PullThroughCacheUpstream)[keyof typeof PullThroughCacheUpstream];

/**
 * What ecr-kit knows about one upstream.
 *
 * @public
 */
export interface UpstreamRegistry {
  /** Upstream registry URL; absent when the caller must give it (Azure, ECR). */
  readonly url?: string;
  /** Whether a Secrets Manager credential is required, optional or not accepted. */
  readonly credentials: 'required' | 'optional' | 'none';
  /** Namespace (ECR repository prefix) used when the caller gives none. */
  readonly defaultPrefix: string;
  /**
   * Pattern the caller's `upstreamUrl` must match, when the URL is the caller's (an ECR
   * upstream's host is checked against the partition table instead, `registryHostParts`).
   */
  readonly urlPattern?: RegExp;
  /** Example shown in error messages. */
  readonly urlExample?: string;
}

/**
 * The upstream registries, their URLs and credential needs.
 *
 * @public
 */
export const UPSTREAM_REGISTRIES: Readonly<
  Record<PullThroughCacheUpstream, UpstreamRegistry>
> = {
  'ecr-public': {
    url: 'public.ecr.aws',
    credentials: 'none',
    defaultPrefix: 'ecr-public',
  },
  quay: { url: 'quay.io', credentials: 'optional', defaultPrefix: 'quay' },
  k8s: { url: 'registry.k8s.io', credentials: 'none', defaultPrefix: 'k8s' },
  'docker-hub': {
    url: 'registry-1.docker.io',
    credentials: 'required',
    defaultPrefix: 'docker-hub',
  },
  github: { url: 'ghcr.io', credentials: 'required', defaultPrefix: 'github' },
  gitlab: {
    url: 'registry.gitlab.com',
    credentials: 'required',
    defaultPrefix: 'gitlab',
  },
  azure: {
    credentials: 'required',
    defaultPrefix: 'azure',
    urlPattern: /^[a-z0-9]{5,50}\.azurecr\.io$/,
    urlExample: 'myregistry.azurecr.io',
  },
  chainguard: {
    url: 'cgr.dev',
    credentials: 'required',
    defaultPrefix: 'chainguard',
  },
  ecr: {
    credentials: 'none',
    defaultPrefix: 'ecr',
    urlExample: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
  },
};

/**
 * A namespace (ECR repository prefix) of a pull-through cache rule: 2 to 30 characters.
 *
 * @public
 */
export const CACHE_PREFIX_PATTERN =
  /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;

/**
 * ARN of a Secrets Manager secret usable by a pull-through cache rule.
 *
 * @public
 */
export const CACHE_SECRET_ARN_PATTERN =
  /^arn:(aws(?:-[a-z]+)*):secretsmanager:([a-z0-9-]+):(\d{12}):secret:ecr-pullthroughcache\/.+$/;

/**
 * One pull-through cache rule, as far as the standard can check it.
 *
 * @public
 */
export interface PullThroughCacheRuleSpec {
  readonly upstream: PullThroughCacheUpstream;
  /** Namespace of the cached repositories. Default: the upstream's default prefix. */
  readonly prefix?: string;
  /** Upstream registry URL; required for `azure` and `ecr`, fixed for the others. */
  readonly upstreamUrl?: string;
  /** ARN of an existing secret (`ecr-pullthroughcache/…`). */
  readonly credentialArn?: string;
  /** Whether ecr-kit creates the credential secret. */
  readonly createsCredential?: boolean;
  /** Name of the secret ecr-kit creates. */
  readonly secretName?: string;
  /** Upstream repository prefix (`ecr` upstreams only). */
  readonly upstreamRepositoryPrefix?: string;
  /** IAM role ECR assumes to reach the upstream (`ecr` upstreams only). */
  readonly customRoleArn?: string;
}

/**
 * The prefix a rule uses: its own or the upstream's default.
 *
 * @public
 */
export function cachePrefix(rule: PullThroughCacheRuleSpec): string {
  return rule.prefix ?? UPSTREAM_REGISTRIES[rule.upstream]?.defaultPrefix ?? '';
}

/**
 * The upstream URL a rule uses.
 *
 * @public
 */
export function upstreamUrl(rule: PullThroughCacheRuleSpec): string {
  return rule.upstreamUrl ?? UPSTREAM_REGISTRIES[rule.upstream]?.url ?? '';
}

/**
 * The upstream registry of an `ecr` rule (account and Region), else undefined.
 *
 * @public
 */
export function upstreamEcrRegistry(
  rule: PullThroughCacheRuleSpec,
): RegistryIdentity | undefined {
  if (rule.upstream !== 'ecr' || rule.upstreamUrl === undefined)
    return undefined;
  const parts = registryHostParts(rule.upstreamUrl);
  return parts && { accountId: parts.accountId, region: parts.region };
}

/**
 * Whether ECR, for an `ecr` rule, needs an IAM role to read the upstream: when the upstream
 * registry belongs to another account (ECR user guide, pull-through-cache: "you must create an
 * IAM role if the upstream and downstream Amazon ECR registries belong to different AWS
 * accounts").
 *
 * @public
 */
export function needsUpstreamRole(
  rule: PullThroughCacheRuleSpec,
  registry: RegistryIdentity,
): boolean {
  const upstream = upstreamEcrRegistry(rule);
  return upstream !== undefined && upstream.accountId !== registry.accountId;
}

/**
 * Every violation of ECR's pull-through cache rules by `rules`; with `registry`, also of what
 * ECR requires of the registry they live in (availability, the secrets' and roles' account and
 * Region).
 *
 * @public
 */
export function validatePullThroughCacheRules(
  rules: readonly PullThroughCacheRuleSpec[],
  field = 'rules',
  registry?: RegistryIdentity,
): StandardViolation[] {
  const violations: StandardViolation[] = [];
  const partition = registry ? partitionOf(registry.region) : undefined;
  if (registry && partition && !partition.pullThroughCache) {
    violations.push({
      field: 'registry.region',
      message: `ECR has no pull through cache in ${registry.region} (partition ${partition.id}): AWS offers it in commercial Regions only, not in AWS GovCloud (US) nor in China`,
      fix: 'cache in a registry of a commercial Region, or pull from the upstream directly',
    });
  }
  if (rules.length === 0) {
    violations.push({
      field,
      message: 'no pull-through cache rule given',
      fix: 'add at least one rule, e.g. { upstream: "ecr-public" }',
    });
  }
  const prefixes = new Map<string, number>();
  rules.forEach((rule, i) => {
    const at = `${field}[${i}]`;
    const add = (sub: string, message: string, fix: string) =>
      violations.push({
        field: `${at}${sub}`,
        message: `${rule.upstream} rule: ${message}`,
        fix,
      });
    const upstream = UPSTREAM_REGISTRIES[rule.upstream];
    if (!upstream) {
      violations.push({
        field: `${at}.upstream`,
        message: `upstream "${rule.upstream}" is not supported`,
        fix: `use one of ${Object.keys(UPSTREAM_REGISTRIES).join(', ')}`,
      });
      return;
    }
    const prefix = cachePrefix(rule);
    if (
      prefix.length < 2 ||
      prefix.length > 30 ||
      !CACHE_PREFIX_PATTERN.test(prefix)
    ) {
      add(
        '.prefix',
        `namespace prefix "${prefix}" is not valid`,
        'use 2 to 30 lowercase letters, digits, ".", "_", "-" and "/" (e.g. "docker-hub")',
      );
    } else if (prefix === 'root' || prefix.startsWith('aws')) {
      add(
        '.prefix',
        `namespace prefix "${prefix}" is reserved`,
        'choose another prefix, e.g. the upstream name',
      );
    }
    const other = prefixes.get(prefix);
    if (other !== undefined) {
      add(
        '.prefix',
        `namespace prefix "${prefix}" is already used by ${field}[${other}]`,
        'give every rule its own prefix',
      );
    }
    prefixes.set(prefix, i);

    if (upstream.url !== undefined) {
      if (rule.upstreamUrl !== undefined && rule.upstreamUrl !== upstream.url) {
        add(
          '.upstreamUrl',
          `the ${rule.upstream} upstream is always "${upstream.url}", not "${rule.upstreamUrl}"`,
          'remove upstreamUrl',
        );
      }
    } else if (
      rule.upstreamUrl === undefined ||
      (rule.upstream === 'ecr'
        ? registryHostParts(rule.upstreamUrl) === undefined
        : !upstream.urlPattern?.test(rule.upstreamUrl))
    ) {
      add(
        '.upstreamUrl',
        `upstream URL ${JSON.stringify(rule.upstreamUrl)} is missing or malformed`,
        `give the registry host, e.g. "${upstream.urlExample}"`,
      );
    }

    const hasCredential =
      rule.credentialArn !== undefined || rule.createsCredential === true;
    if (rule.credentialArn !== undefined && rule.createsCredential) {
      add(
        '.credentialArn',
        'both an existing secret and credentials to store were given',
        'give credentialArn or credentials, not both',
      );
    }
    if (upstream.credentials === 'required' && !hasCredential) {
      add(
        '.credentials',
        `${rule.upstream} needs upstream credentials`,
        'give credentialArn of an existing "ecr-pullthroughcache/…" secret, or credentials to store in a new one',
      );
    }
    if (upstream.credentials === 'none' && hasCredential) {
      add(
        '.credentials',
        `${rule.upstream} does not take credentials`,
        'remove credentialArn/credentials',
      );
    }
    const secret =
      rule.credentialArn === undefined
        ? undefined
        : CACHE_SECRET_ARN_PATTERN.exec(rule.credentialArn);
    if (rule.credentialArn !== undefined && !secret) {
      add(
        '.credentialArn',
        `"${rule.credentialArn}" is not the ARN of an "ecr-pullthroughcache/" secret`,
        'use a Secrets Manager secret whose name starts with "ecr-pullthroughcache/"',
      );
    } else if (
      secret &&
      registry &&
      (secret[2] !== registry.region || secret[3] !== registry.accountId)
    ) {
      // ECR user guide, pull-through-cache-creating-rule, prerequisites: the secret's account
      // and Region must be the rule's.
      add(
        '.credentialArn',
        `the secret is in ${secret[3]}/${secret[2]}, but the rule is in ${registry.accountId}/${registry.region}; ECR reads secrets of the rule's account and Region only`,
        "store the credentials in a secret of the registry's account and Region (or give credentials to store)",
      );
    }
    if (
      rule.createsCredential &&
      rule.secretName !== undefined &&
      !rule.secretName.startsWith(PULL_THROUGH_CACHE_SECRET_PREFIX)
    ) {
      add(
        '.credentials.secretName',
        `secret name "${rule.secretName}" does not start with "${PULL_THROUGH_CACHE_SECRET_PREFIX}"`,
        `name it "${PULL_THROUGH_CACHE_SECRET_PREFIX}${rule.secretName}"`,
      );
    }
    const upstreamRegistry = upstreamEcrRegistry(rule);
    if (
      registry &&
      upstreamRegistry &&
      partitionOf(upstreamRegistry.region).id !== partition?.id
    ) {
      add(
        '.upstreamUrl',
        `the upstream registry is in partition ${partitionOf(upstreamRegistry.region).id}, the cache in ${partition?.id}; ECR reads upstreams of its own partition only`,
        'cache from a registry of the same partition',
      );
    }
    if (rule.customRoleArn !== undefined && rule.upstream === 'ecr') {
      const role = parseRoleArn(rule.customRoleArn);
      if (!role) {
        add(
          '.customRoleArn',
          `"${rule.customRoleArn}" is not an IAM role ARN`,
          'give arn:<partition>:iam::<account>:role/<name>, or leave it out to let ecr-kit create the role',
        );
      } else if (
        registry &&
        (role.accountId !== registry.accountId ||
          role.partition !== partition?.id)
      ) {
        // CreatePullThroughCacheRule, customRoleArn: "This role must be in the same account
        // as the registry that you are configuring."
        add(
          '.customRoleArn',
          `the role is in account ${role.accountId} (${role.partition}); ECR assumes only a role of the cache registry's account ${registry.accountId} (${partition?.id})`,
          "give a role of the registry's account, or leave customRoleArn out to let ecr-kit create it",
        );
      }
    }
    if (
      rule.upstream !== 'ecr' &&
      (rule.upstreamRepositoryPrefix !== undefined ||
        rule.customRoleArn !== undefined)
    ) {
      add(
        '',
        'upstreamRepositoryPrefix and customRoleArn only apply to ECR upstreams',
        'remove them',
      );
    }
  });
  return violations;
}

/**
 * Who may create cached repositories and import images, and where: `repositories` is a
 * cache namespace (`ecr-public`) or a path inside one (`ecr-public/docker`); the grant covers
 * the repositories below it.
 *
 * @public
 */
export interface PullThroughCacheGrantSpec {
  /** Account IDs or IAM principal ARNs. */
  readonly principals: readonly string[];
  /** A cache namespace or a path inside one, without a trailing `/`. */
  readonly repositories: string;
}

/** A principal of a registry policy: a 12-digit account ID or an IAM principal ARN. */
const PRINCIPAL_ARN = /^arn:(aws[a-z-]*):(?:iam|sts)::(\d{12}):.+$/;

/**
 * Violations of principals that a registry policy of `registry` is to name.
 *
 * @public
 */
export function validateRegistryPrincipals(
  principals: readonly string[],
  field: string,
  registry: RegistryIdentity,
): StandardViolation[] {
  const partition = partitionOf(registry.region).id;
  return principals.flatMap((p, i) => {
    if (!p.startsWith('arn:')) return validateAccountId(p, `${field}[${i}]`);
    const match = PRINCIPAL_ARN.exec(p);
    if (!match) {
      return [
        {
          field: `${field}[${i}]`,
          message: `"${p}" is not an IAM principal ARN`,
          fix: 'give a 12-digit account ID or an IAM role/user ARN',
        },
      ];
    }
    return match[1] === partition
      ? []
      : [
          {
            field: `${field}[${i}]`,
            message: `"${p}" is in partition ${match[1]}, the registry in ${partition}; IAM grants never cross partitions`,
            fix: `use the principal's ARN in ${partition} (arn:${partition}:iam::…)`,
          },
        ];
  });
}

/**
 * Violations of grants narrower than, or as wide as, the cache namespaces `prefixes`.
 *
 * @public
 */
export function validatePullThroughCacheGrants(
  grants: readonly PullThroughCacheGrantSpec[],
  prefixes: readonly string[],
  registry: RegistryIdentity,
  field = 'grants',
): StandardViolation[] {
  return grants.flatMap((grant, i) => {
    const at = `${field}[${i}]`;
    const violations: StandardViolation[] = [];
    if (grant.principals.length === 0) {
      violations.push({
        field: `${at}.principals`,
        message: 'the grant names no principal',
        fix: 'list account IDs or IAM role ARNs',
      });
    }
    violations.push(
      ...validateRegistryPrincipals(
        grant.principals,
        `${at}.principals`,
        registry,
      ),
    );
    const path = grant.repositories;
    const inside = prefixes.some(
      prefix => path === prefix || path.startsWith(`${prefix}/`),
    );
    if (!REPOSITORY_NAME_PATTERN.test(path) || !inside) {
      violations.push({
        field: `${at}.repositories`,
        message: `"${path}" is not a cache namespace of this component (${prefixes.join(', ')}) nor a path inside one`,
        fix: `give a namespace or a path below it without a trailing "/", e.g. "${prefixes[0] ?? 'ecr-public'}/docker"`,
      });
    }
    return violations;
  });
}
