import type {
  EcrRepositoriesResponse,
  EcrRepositorySummary,
} from '@ecr-kit/backstage-plugin-ecr-common';
import type { EcrApi } from '../api';
import {
  compliantRepository,
  findings,
  fresh,
  images,
  latestImage,
} from '../__fixtures__/ecrData';

/** An {@link EcrApi} answering with the fixtures; each method is a jest mock to assert on. */
export function ecrApiStub(overrides: Partial<EcrApi> = {}) {
  const stub = {
    getRepositories: jest.fn<
      ReturnType<EcrApi['getRepositories']>,
      Parameters<EcrApi['getRepositories']>
    >(async () => ({
      repositories: [compliantRepository],
      errors: [],
      freshness: fresh,
    })),
    getImages: jest.fn<
      ReturnType<EcrApi['getImages']>,
      Parameters<EcrApi['getImages']>
    >(async (_entity, arn, query = {}) => ({
      repository: { arn, uri: compliantRepository.uri },
      images,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 25,
      totalCount: images.length,
      freshness: fresh,
    })),
    getFindings: jest.fn<
      ReturnType<EcrApi['getFindings']>,
      Parameters<EcrApi['getFindings']>
    >(async (_entity, request) => ({
      digest: request.digest,
      scan: latestImage.scan!,
      findings,
      freshness: fresh,
    })),
  };
  if (overrides.getRepositories) {
    stub.getRepositories.mockImplementation(overrides.getRepositories);
  }
  if (overrides.getImages) {
    stub.getImages.mockImplementation(overrides.getImages);
  }
  if (overrides.getFindings) {
    stub.getFindings.mockImplementation(overrides.getFindings);
  }
  return stub;
}

/** An {@link ecrApiStub} whose entity has `repositories`, and `errors` for those it could not read. */
export function ecrApiWithRepositories(
  repositories: EcrRepositorySummary[],
  errors: EcrRepositoriesResponse['errors'] = [],
) {
  return ecrApiStub({
    getRepositories: jest.fn(async () => ({
      repositories,
      errors,
      freshness: fresh,
    })),
  });
}
