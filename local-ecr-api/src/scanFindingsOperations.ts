import { EcrApiError } from './EcrApiError';
import { basicFinding, enhancedFinding } from './findingShapes';
import { findImage, type ImageId } from './imageIds';
import { paginate } from './pagination';
import type { Registry } from './Registry';
import { findRepository } from './repositoryOperations';
import { severityCounts } from './severityCounts';
import type { Request } from './world/OperationContext';

/** Enhanced findings come 100 to a page whatever `maxResults` says, as on ECR. */
const ENHANCED_PAGE_SIZE = 100;

export function describeImageScanFindings(
  registry: Registry,
  request: Request,
) {
  const repository = findRepository(registry, request);
  const image = findImage(registry, repository, request.imageId as ImageId);
  const scan = image.scan;
  if (!scan) {
    throw new EcrApiError(
      'ScanNotFoundException',
      `Image scan does not exist for the image with '{imageDigest:'${image.imageDigest}', imageTag:'${image.imageTags[0] ?? 'null'}'}' in the repository with name '${repository.repositoryName}' in the registry with id '${registry.accountId}'`,
    );
  }
  const base = {
    registryId: registry.accountId,
    repositoryName: repository.repositoryName,
    imageId: {
      imageDigest: image.imageDigest,
      ...(image.imageTags[0] ? { imageTag: image.imageTags[0] } : {}),
    },
    imageScanStatus: {
      status: scan.status,
      ...(scan.description ? { description: scan.description } : {}),
    },
  };
  if (scan.status !== 'COMPLETE' && scan.status !== 'ACTIVE') {
    return base;
  }
  const enhanced = registry.settings.scanType === 'ENHANCED';
  const page = paginate(
    `DescribeImageScanFindings/${image.imageDigest}`,
    scan.findings,
    enhanced ? { nextToken: request.nextToken } : request,
    { fallback: enhanced ? ENHANCED_PAGE_SIZE : 100 },
  );
  const observedAt = scan.completedAt ?? image.imagePushedAt;
  return {
    ...base,
    imageScanFindings: {
      imageScanCompletedAt: scan.completedAt,
      vulnerabilitySourceUpdatedAt: scan.vulnerabilitySourceUpdatedAt,
      findingSeverityCounts: severityCounts(scan.findings),
      ...(enhanced
        ? {
            enhancedFindings: page.items.map(f =>
              enhancedFinding(registry, repository, image, f, observedAt),
            ),
          }
        : { findings: page.items.map(basicFinding) }),
    },
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}
