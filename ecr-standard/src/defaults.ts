/**
 * Tag mutability of a standardized repository unless the caller asks otherwise.
 *
 * @public
 */
export const DEFAULT_TAG_MUTABILITY = 'IMMUTABLE';

/**
 * Tag mutability of repositories ECR creates for a pull through cache. ECR re-checks a cached
 * tag upstream at most once every 24 hours and moves it to the upstream's new digest; an
 * immutable tag cannot move, so `nginx:1.27` or `latest` would keep the first digest cached,
 * without upstream fixes, for as long as the repository exists (ECR user guide,
 * pull-through-cache: "attempts to update the image … at least once every 24 hours").
 *
 * @public
 */
export const DEFAULT_CACHED_TAG_MUTABILITY = 'MUTABLE';

/**
 * Scan on push is on for every standardized repository.
 *
 * @public
 */
export const DEFAULT_SCAN_ON_PUSH = true;

/**
 * Encryption of a standardized repository unless the caller chooses KMS.
 *
 * @public
 */
export const DEFAULT_ENCRYPTION = 'AES256';

/**
 * Days after which untagged images expire under the default lifecycle policy.
 *
 * @public
 */
export const DEFAULT_UNTAGGED_EXPIRY_DAYS = 14;

/**
 * Images kept (newest first) under the default lifecycle policy.
 *
 * @public
 */
export const DEFAULT_MAX_IMAGE_COUNT = 500;

/**
 * `forceDelete` is off: deleting a repository that still holds images fails.
 *
 * @public
 */
export const DEFAULT_FORCE_DELETE = false;

/**
 * Annotation that links a Backstage catalog entity to an ECR repository by ARN.
 *
 * @public
 */
export const CATALOG_ARN_ANNOTATION = 'aws.amazon.com/amazon-ecr-arn';

/**
 * Repository tag holding the owning catalog entity reference, e.g. `component:default/payments`.
 *
 * @public
 */
export const ENTITY_REF_TAG = 'backstage.io/entity-ref';

/**
 * Repository tag marking a repository as built to the ecr-kit standard.
 *
 * @public
 */
export const STANDARD_TAG = 'ecr-kit/standard';

/**
 * Value of {@link STANDARD_TAG}.
 *
 * @public
 */
export const STANDARD_VERSION = 'v1';

/**
 * Prefix every pull-through cache credential secret name must start with.
 *
 * @public
 */
export const PULL_THROUGH_CACHE_SECRET_PREFIX = 'ecr-pullthroughcache/';
