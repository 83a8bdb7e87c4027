import type { Entity } from '@backstage/catalog-model';
import { CATALOG_ARN_ANNOTATION } from '@ecr-kit/ecr-standard';

/**
 * Entity annotation listing one or more ECR repository ARNs, comma-separated.
 * Same key as the AWS ECR Backstage plugin, so catalogs switch without edits; the standard
 * defines it (the Pulumi component and the scaffolder write it).
 *
 * @public
 */
export const ECR_ARN_ANNOTATION = CATALOG_ARN_ANNOTATION;

/**
 * Entity annotation `key=value[,key=value]`: the entity owns every repository that
 * carries all of these tags, in the accounts and regions the backend is configured for.
 *
 * @public
 */
export const ECR_TAGS_ANNOTATION = 'aws.amazon.com/amazon-ecr-tags';

/**
 * Whether an entity has one of the ECR annotations (drives the tab and card).
 *
 * @public
 */
export function isEcrAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return Boolean(
    annotations[ECR_ARN_ANNOTATION]?.trim() ||
    annotations[ECR_TAGS_ANNOTATION]?.trim(),
  );
}

/**
 * `spec.type` of the catalog `Resource` entities the ECR entity provider emits.
 *
 * @public
 */
export const ECR_REPOSITORY_RESOURCE_TYPE = 'ecr-repository';

/**
 * Labels the ECR entity provider sets on each repository entity: the settings a platform
 * team filters the catalog by (values are label-safe: lowercase words, `true`/`false`).
 *
 * @public
 */
export const ECR_REPOSITORY_LABELS = {
  /** AWS account id of the repository. */
  accountId: 'ecr-kit.io/account-id',
  /** AWS Region of the repository. */
  region: 'ecr-kit.io/region',
  /** `immutable`, `mutable`, `immutable-with-exclusion` or `mutable-with-exclusion`. */
  tagMutability: 'ecr-kit.io/tag-mutability',
  /** `true` when images are scanned when pushed (repository setting). */
  scanOnPush: 'ecr-kit.io/scan-on-push',
  /** `aes256`, `kms` or `kms-dsse`. */
  encryption: 'ecr-kit.io/encryption',
  /** `true` when the repository carries no owner tag (the owner is the configured default). */
  unowned: 'ecr-kit.io/unowned',
} as const;

/**
 * Annotation of a repository entity: its `docker pull` URI.
 *
 * @public
 */
export const ECR_REPOSITORY_URI_ANNOTATION = 'ecr-kit.io/repository-uri';
