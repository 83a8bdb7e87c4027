import type { Entity } from '@backstage/catalog-model';
import { CATALOG_ARN_ANNOTATION } from '@ecr-kit/ecr-standard';

/**
 * Entity annotation listing one or more ECR repository ARNs, comma-separated.
 * Same key as the AWS ECR Backstage plugin, so catalogs switch without edits; the standard
 * defines it (the Pulumi component and the scaffolder write it).
 */
export const ECR_ARN_ANNOTATION = CATALOG_ARN_ANNOTATION;

/**
 * Entity annotation `key=value[,key=value]`: the entity owns every repository that
 * carries all of these tags, in the accounts and regions the backend is configured for.
 */
export const ECR_TAGS_ANNOTATION = 'aws.amazon.com/amazon-ecr-tags';

/** Whether an entity has one of the ECR annotations (drives the tab and card). */
export function isEcrAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return Boolean(
    annotations[ECR_ARN_ANNOTATION]?.trim() ||
    annotations[ECR_TAGS_ANNOTATION]?.trim(),
  );
}
