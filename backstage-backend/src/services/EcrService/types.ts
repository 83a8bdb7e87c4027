import type { Entity } from '@backstage/catalog-model';
import type {
  EcrFindingsResponse,
  EcrImagesQuery,
  EcrImagesResponse,
  EcrRepositoriesResponse,
  Severity,
} from '@ecr-kit/backstage-plugin-ecr-common';

/** The ECR data of one catalog entity. Every call is scoped to the entity's own repositories. */
export interface EcrService {
  listRepositories(entity: Entity): Promise<EcrRepositoriesResponse>;
  listImages(
    entity: Entity,
    repositoryArn: string,
    query: EcrImagesQuery,
  ): Promise<EcrImagesResponse>;
  getFindings(
    entity: Entity,
    repositoryArn: string,
    digest: string,
    filter: { minSeverity?: Severity; fixableOnly?: boolean },
  ): Promise<EcrFindingsResponse>;
}
