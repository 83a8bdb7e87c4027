import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  SEVERITIES,
  type EcrFindingsResponse,
  type EcrImage,
  type EcrImagesQuery,
  type EcrImagesResponse,
  type EcrRepositoriesResponse,
} from '@ecr-kit/backstage-plugin-ecr-common';
import type { EcrApi, EcrFindingsRequest } from '../src/api';
import {
  compliantRepository,
  findings,
  fresh,
  images,
  laxRepository,
} from '../src/__fixtures__/ecrData';

const delay = () => new Promise(resolve => setTimeout(resolve, 400));

/** Many images, so paging has something to page through. */
const manyImages: EcrImage[] = [
  ...images,
  ...Array.from({ length: 36 }, (_, i) => ({
    ...images[0],
    digest: `sha256:${(i + 10).toString(16).padStart(64, '0')}`,
    tags: [`v1.3.${35 - i}`],
    pushedAt: new Date(Date.parse('2025-05-01') - i * 86_400_000).toISOString(),
    sizeInBytes: 80_000_000 + i * 1_000_000,
    referrers: [],
    scan: {
      state: 'COMPLETE' as const,
      counts: { HIGH: i % 4, MEDIUM: i % 7, LOW: 3 },
    },
  })),
];

/**
 * An in-memory ECR API for the dev harness: filters, sorts and pages the fixtures the way
 * the backend does, with a short delay so loading states are visible.
 */
export class DevEcrApi implements EcrApi {
  async getRepositories(
    _entity: CompoundEntityRef,
  ): Promise<EcrRepositoriesResponse> {
    await delay();
    return {
      repositories: [compliantRepository, laxRepository],
      errors: [
        {
          arn: 'arn:aws:ecr:ap-southeast-2:777788889999:repository/payments/legacy',
          message:
            'AccessDeniedException: the ECR backend role cannot assume a role in account 777788889999',
        },
      ],
      freshness: fresh,
    };
  }

  async getImages(
    _entity: CompoundEntityRef,
    repositoryArn: string,
    query: EcrImagesQuery = {},
  ): Promise<EcrImagesResponse> {
    await delay();
    const all = repositoryArn === laxRepository.arn ? [] : manyImages;
    const severity = query.minSeverity
      ? SEVERITIES.indexOf(query.minSeverity)
      : -1;
    const filtered = all.filter(
      image =>
        (!query.tag || image.tags.some(t => t.includes(query.tag!))) &&
        (query.tagStatus !== 'TAGGED' || image.tags.length > 0) &&
        (query.tagStatus !== 'UNTAGGED' || image.tags.length === 0) &&
        (!query.kind || image.kind === query.kind) &&
        (severity < 0 ||
          SEVERITIES.slice(0, severity + 1).some(
            s => (image.scan?.counts?.[s] ?? 0) > 0,
          )),
    );
    const direction = query.order === 'asc' ? 1 : -1;
    const key = (image: EcrImage) => {
      if (query.sort === 'size') return image.sizeInBytes ?? 0;
      if (query.sort === 'tag') return image.tags[0] ?? '';
      if (query.sort === 'lastPulledAt') return image.lastPulledAt ?? '';
      return image.pushedAt ?? '';
    };
    filtered.sort((a, b) => (key(a) < key(b) ? -direction : direction));
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    return {
      repository: { arn: repositoryArn, uri: compliantRepository.uri },
      images: filtered.slice((page - 1) * pageSize, page * pageSize),
      page,
      pageSize,
      totalCount: filtered.length,
      freshness: fresh,
    };
  }

  async getFindings(
    _entity: CompoundEntityRef,
    request: EcrFindingsRequest,
  ): Promise<EcrFindingsResponse> {
    await delay();
    const image = manyImages.find(i => i.digest === request.digest);
    const limit = request.minSeverity
      ? SEVERITIES.indexOf(request.minSeverity)
      : SEVERITIES.length;
    return {
      digest: request.digest,
      scan: image?.scan ?? { state: 'COMPLETE', counts: {} },
      findings: findings.filter(
        f =>
          SEVERITIES.indexOf(f.severity) <= limit &&
          (!request.fixableOnly || f.fixAvailable),
      ),
      freshness: fresh,
    };
  }
}
