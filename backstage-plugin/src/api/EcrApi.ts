import type { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import type {
  EcrFindingsResponse,
  EcrImagesQuery,
  EcrImagesResponse,
  EcrRepositoriesResponse,
  Severity,
} from '@ecr-kit/backstage-plugin-ecr-common';

/**
 * Which findings of one image to load.
 *
 * @public
 */
export interface EcrFindingsRequest {
  /** ARN of the repository holding the image. */
  readonly repositoryArn: string;
  /** Image digest, `sha256:` followed by 64 hex digits. */
  readonly digest: string;
  /** Only findings at this severity or more severe. */
  readonly minSeverity?: Severity;
  /** Only findings that have a fixed version. */
  readonly fixableOnly?: boolean;
}

/**
 * The ECR backend plugin's API, scoped to one catalog entity.
 *
 * @public
 */
export interface EcrApi {
  /** The entity's repositories, with the ones that could not be read. */
  getRepositories(entity: CompoundEntityRef): Promise<EcrRepositoriesResponse>;
  /** One page of a repository's images, filtered and sorted by the backend. */
  getImages(
    entity: CompoundEntityRef,
    repositoryArn: string,
    query?: EcrImagesQuery,
  ): Promise<EcrImagesResponse>;
  /** The vulnerability findings of one image. */
  getFindings(
    entity: CompoundEntityRef,
    request: EcrFindingsRequest,
  ): Promise<EcrFindingsResponse>;
}

/**
 * Reference to the {@link EcrApi}.
 *
 * @public
 */
export const ecrApiRef = createApiRef<EcrApi>({ id: 'plugin.ecr.api' });
