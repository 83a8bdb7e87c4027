import type { RepositoryArn } from '@ecr-kit/backstage-plugin-ecr-common';

/**
 * Every key the plugin stores in the cache service. Keys hold the full ARN (partition
 * included), so a GovCloud repository never shares an entry with a commercial one.
 */
export const cacheKeys = {
  /** The whole image listing of a repository (DescribeImages + index manifests). */
  images: (arn: RepositoryArn) => `images:${arn.arn}`,
  /** A repository's settings (DescribeRepositories, policies, registry scanning). */
  repository: (arn: RepositoryArn) => `repository:${arn.arn}`,
  /** Repositories found by tags in one account and Region. */
  tags: (accountId: string, region: string, filters: string) =>
    `tags:${accountId}:${region}:${filters}`,
  /** One image's scan summary (severity counts). */
  scan: (arn: RepositoryArn, digest: string) => `scan:${arn.arn}@${digest}`,
  /** Index digest → platforms, for every index of a repository (a digest never changes). */
  manifests: (arn: RepositoryArn) => `manifests:${arn.arn}`,
  /** Amazon Inspector's severity counts of every image of a repository (enhanced scanning). */
  severities: (arn: RepositoryArn) => `severities:${arn.arn}`,
  /** One image's findings. */
  findings: (arn: RepositoryArn, digest: string) =>
    `findings:${arn.arn}@${digest}`,
};

/** How long cached values live. */
export interface CacheTtls {
  /** Served without refresh. */
  readonly ttlMs: number;
  /** Kept to serve, marked stale, when AWS fails. */
  readonly staleTtlMs: number;
  /** A failure is remembered this long, so the next views do not pay for it again. */
  readonly errorTtlMs: number;
  /** How long one replica may hold a key's refresh before another takes over. */
  readonly lockTtlMs: number;
  /** Per-digest data that never changes (index manifests). */
  readonly digestTtlMs: number;
  /**
   * Scan summaries per digest: they change only when the image is scanned again, so they
   * are kept longer than listings (and still served at once, refreshed in the background).
   */
  readonly scanTtlMs: number;
}

/** Defaults of {@link CacheTtls} (`ecr.cache.*` in app-config). */
export const DEFAULT_CACHE_TTLS: CacheTtls = {
  ttlMs: 5 * 60_000,
  staleTtlMs: 24 * 3_600_000,
  errorTtlMs: 30_000,
  lockTtlMs: 60_000,
  digestTtlMs: 30 * 24 * 3_600_000,
  scanTtlMs: 60 * 60_000,
};
