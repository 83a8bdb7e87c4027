import { formatArn } from '@ecr-kit/ecr-standard';
import type { Fixture } from './fixture';

/**
 * A repository of a fixture registry, as a fixture file writes it.
 *
 * @public
 */
export type FixtureRepository = NonNullable<
  NonNullable<Fixture['registries']>[number]['repositories']
>[number];

/**
 * Where a {@link hardenedRepositoryFixture} lives and which KMS key encrypts it.
 *
 * @public
 */
export interface HardenedRepositoryFixtureOptions {
  /** Account of the fixture registry holding the repository. */
  readonly accountId: string;
  /** Region of the fixture registry holding the repository. */
  readonly region: string;
  /** Id of the account's KMS key in `region` that encrypts the repository. Default: `abc`. */
  readonly kmsKeyId?: string;
}

/**
 * A fixture repository with immutable tags, scan on push and KMS encryption; `fields` add
 * to it or replace its settings.
 *
 * @public
 */
export function hardenedRepositoryFixture(
  name: string,
  options: HardenedRepositoryFixtureOptions,
  fields: Omit<FixtureRepository, 'name'> = {},
): FixtureRepository {
  return {
    name,
    imageTagMutability: 'IMMUTABLE',
    scanOnPush: true,
    encryption: {
      type: 'KMS',
      kmsKey: formatArn({
        service: 'kms',
        region: options.region,
        accountId: options.accountId,
        resource: `key/${options.kmsKeyId ?? 'abc'}`,
      }),
    },
    ...fields,
  };
}

/**
 * Options of {@link untaggedExpiryRule}.
 *
 * @public
 */
export interface UntaggedExpiryRuleOptions {
  /** Default: 1. */
  readonly rulePriority?: number;
  /** Days after push. Default: 14. */
  readonly countNumber?: number;
  /** Default: none. */
  readonly description?: string;
}

/**
 * A lifecycle policy rule, as ECR's policy text writes it, that expires untagged images some
 * days after they were pushed.
 *
 * @public
 */
export function untaggedExpiryRule(options: UntaggedExpiryRuleOptions = {}) {
  return {
    rulePriority: options.rulePriority ?? 1,
    ...(options.description ? { description: options.description } : {}),
    selection: {
      tagStatus: 'untagged',
      countType: 'sinceImagePushed',
      countUnit: 'days',
      countNumber: options.countNumber ?? 14,
    },
    action: { type: 'expire' },
  };
}
