import type { LoggerService } from '@backstage/backend-plugin-api';
import type { RepositorySettings } from '@ecr-kit/ecr-standard';

/** A repository to make exist, with settings already resolved by the standard. */
export interface RepositoryRequest {
  readonly accountId: string;
  readonly region: string;
  readonly settings: RepositorySettings;
  /** KMS key for `KMS` encryption; absent = the AWS managed `aws/ecr` key. */
  readonly kmsKeyArn?: string;
  /** Every tag the repository gets: the caller's, then the standard's (which win). */
  readonly tags: Readonly<Record<string, string>>;
}

/** Identifiers of a repository the provisioner created or found. */
export interface ProvisionedRepository {
  readonly repositoryName: string;
  readonly repositoryArn: string;
  readonly repositoryUri: string;
  readonly registryId: string;
  /** `false` when an identical repository already existed. */
  readonly created: boolean;
}

/** Creates standardized repositories; never changes an existing one or its images. */
export interface RepositoryProvisioner {
  /**
   * Creates the repository, or returns the existing one when its settings match. Throws a
   * `ConflictError` listing the differences when they do not; removes what it created when
   * a later step fails.
   */
  ensureRepository(
    request: RepositoryRequest,
    options: { logger: LoggerService },
  ): Promise<ProvisionedRepository>;
}
