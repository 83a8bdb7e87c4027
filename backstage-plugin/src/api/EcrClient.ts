import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  EcrFindingsResponse,
  EcrImagesQuery,
  EcrImagesResponse,
  EcrRepositoriesResponse,
} from '@ecr-kit/backstage-plugin-ecr-common';
import type { EcrApi, EcrFindingsRequest } from './EcrApi';

/**
 * {@link EcrApi} over HTTP against the `ecr` backend plugin. Authentication comes from
 * the app's `fetchApi`; the base URL from `discoveryApi`.
 *
 * @public
 */
export class EcrClient implements EcrApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getRepositories(
    entity: CompoundEntityRef,
  ): Promise<EcrRepositoriesResponse> {
    return this.get(entity, 'repositories', {});
  }

  async getImages(
    entity: CompoundEntityRef,
    repositoryArn: string,
    query: EcrImagesQuery = {},
  ): Promise<EcrImagesResponse> {
    return this.get(entity, 'images', {
      repository: repositoryArn,
      page: query.page,
      pageSize: query.pageSize,
      sort: query.sort,
      order: query.order,
      tag: query.tag || undefined,
      tagStatus: query.tagStatus,
      minSeverity: query.minSeverity,
      kind: query.kind,
    });
  }

  async getFindings(
    entity: CompoundEntityRef,
    request: EcrFindingsRequest,
  ): Promise<EcrFindingsResponse> {
    return this.get(entity, 'findings', {
      repository: request.repositoryArn,
      digest: request.digest,
      minSeverity: request.minSeverity,
      fixable: request.fixableOnly ? 'true' : undefined,
    });
  }

  private async get<T>(
    entity: CompoundEntityRef,
    resource: 'repositories' | 'images' | 'findings',
    query: Record<string, string | number | undefined>,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ecr');
    const path = [entity.kind, entity.namespace, entity.name]
      .map(encodeURIComponent)
      .join('/');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.set(key, String(value));
    }
    const search = params.size > 0 ? `?${params}` : '';
    const response = await this.fetchApi.fetch(
      `${baseUrl}/entities/${path}/${resource}${search}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
