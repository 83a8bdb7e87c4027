import type { Entity } from '@backstage/catalog-model';
import type {
  EcrFindingsResponse,
  EcrImagesQuery,
  EcrImagesResponse,
  EcrRepositoriesResponse,
  Severity,
} from '@ecr-kit/backstage-plugin-ecr-common';

/**
 * What one entity's pre-warm did.
 *
 * @public
 */
export interface EcrPrewarmResult {
  /** Repositories the entity names. */
  readonly repositories: number;
  /** Listings this replica refreshed (the others were fresh or refreshed elsewhere). */
  readonly refreshed: number;
  /** Images in those repositories' listings. */
  readonly images: number;
  /** AWS requests this replica sent meanwhile (views' included), to pace the pre-warm. */
  readonly calls: number;
}

/**
 * The ECR data of one catalog entity. Every call is scoped to the entity's own repositories.
 *
 * @public
 */
export interface EcrService {
  listRepositories(entity: Entity): Promise<EcrRepositoriesResponse>;
  listImages(
    entity: Entity,
    repositoryArn: string,
    query: EcrImagesQuery,
  ): Promise<EcrImagesResponse>;
  /**
   * Refreshes the cached data of the entity's repositories that is older than `maxAgeMs`
   * (listing, settings, Inspector counts), one replica per key — for the scheduled
   * pre-warm. Optional: a replacement service without it is not pre-warmed.
   */
  prewarm?(
    entity: Entity,
    options: { maxAgeMs: number },
  ): Promise<EcrPrewarmResult>;
  getFindings(
    entity: Entity,
    repositoryArn: string,
    digest: string,
    filter: { minSeverity?: Severity; fixableOnly?: boolean },
  ): Promise<EcrFindingsResponse>;
}
