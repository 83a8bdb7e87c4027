import type { StandardViolation } from './EcrStandardError';
import { PULL_THROUGH_CACHE_SECRET_PREFIX } from './defaults';

/** Upstream registries that an ECR pull-through cache rule can mirror. */
export type PullThroughCacheUpstream =
  | 'ecr-public'
  | 'quay'
  | 'k8s'
  | 'docker-hub'
  | 'github'
  | 'gitlab'
  | 'azure'
  | 'chainguard'
  | 'ecr';

/** What ecr-kit knows about one upstream. */
export interface UpstreamRegistry {
  /** Upstream registry URL; absent when the caller must give it (Azure, ECR). */
  readonly url?: string;
  /** Whether a Secrets Manager credential is required, optional or not accepted. */
  readonly credentials: 'required' | 'optional' | 'none';
  /** Namespace (ECR repository prefix) used when the caller gives none. */
  readonly defaultPrefix: string;
  /** Pattern the caller's `upstreamUrl` must match, when the URL is the caller's. */
  readonly urlPattern?: RegExp;
  /** Example shown in error messages. */
  readonly urlExample?: string;
}

/** The upstream registries, their URLs and credential needs. */
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
    urlPattern: /^\d{12}\.dkr\.ecr\.[a-z]{2}(?:-[a-z]+)+-\d\.amazonaws\.com$/,
    urlExample: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
  },
};

/** A namespace (ECR repository prefix) of a pull-through cache rule: 2 to 30 characters. */
export const CACHE_PREFIX_PATTERN =
  /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;

/** ARN of a Secrets Manager secret usable by a pull-through cache rule. */
export const CACHE_SECRET_ARN_PATTERN =
  /^arn:aws(?:-[a-z]+)*:secretsmanager:[a-z0-9-]+:\d{12}:secret:ecr-pullthroughcache\/.+$/;

/** One pull-through cache rule, as far as the standard can check it. */
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

/** The prefix a rule uses: its own or the upstream's default. */
export function cachePrefix(rule: PullThroughCacheRuleSpec): string {
  return rule.prefix ?? UPSTREAM_REGISTRIES[rule.upstream]?.defaultPrefix ?? '';
}

/** The upstream URL a rule uses. */
export function upstreamUrl(rule: PullThroughCacheRuleSpec): string {
  return rule.upstreamUrl ?? UPSTREAM_REGISTRIES[rule.upstream]?.url ?? '';
}

/** Every violation of ECR's pull-through cache rules by `rules`. */
export function validatePullThroughCacheRules(
  rules: readonly PullThroughCacheRuleSpec[],
  field = 'rules',
): StandardViolation[] {
  const violations: StandardViolation[] = [];
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
      !upstream.urlPattern?.test(rule.upstreamUrl)
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
    if (
      rule.credentialArn !== undefined &&
      !CACHE_SECRET_ARN_PATTERN.test(rule.credentialArn)
    ) {
      add(
        '.credentialArn',
        `"${rule.credentialArn}" is not the ARN of an "ecr-pullthroughcache/" secret`,
        'use a Secrets Manager secret whose name starts with "ecr-pullthroughcache/"',
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
