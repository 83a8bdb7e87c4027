import { formatArn } from '@ecr-kit/ecr-standard';
import type { RepositoryRecord } from '../model';
import type { Registry } from '../Registry';
import { containerImages } from './containerImages';
import { imageScanStatus } from './imageScanStatus';
import { repositoryScanFrequency } from './repositoryScanFrequency';
import type {
  ContainerImage,
  EcrScanFrequency,
  InspectorScanStatus,
} from './types';

/** `CoveredResource` for the two ECR resource types. */
export interface EcrCoveredResource {
  readonly resourceType: 'AWS_ECR_REPOSITORY' | 'AWS_ECR_CONTAINER_IMAGE';
  readonly resourceId: string;
  readonly accountId: string;
  readonly scanType: 'PACKAGE';
  readonly scanStatus: InspectorScanStatus;
  readonly resourceMetadata: {
    readonly ecrRepository: {
      readonly name: string;
      readonly scanFrequency: EcrScanFrequency;
    };
    readonly ecrImage?: {
      readonly tags: readonly string[];
      readonly imagePulledAt?: number;
    };
  };
  readonly lastScannedAt?: number;
}

/** Scans that produced results (the others have no scan time worth reporting). */
const SCANNED = new Set(['COMPLETE', 'ACTIVE']);

/**
 * Every ECR resource Inspector covers in the registry: each repository, followed by its
 * container images (not image indexes, which are not scanned) in push order. Repositories no
 * scanning rule matches are listed as INACTIVE with SCAN_FREQUENCY_MANUAL.
 */
export function coveredResources(registry: Registry): EcrCoveredResource[] {
  const imagesOf = new Map<RepositoryRecord, ContainerImage[]>();
  for (const entry of containerImages(registry)) {
    const group = imagesOf.get(entry.repository) ?? [];
    group.push(entry);
    imagesOf.set(entry.repository, group);
  }
  const resources: EcrCoveredResource[] = [];
  for (const repository of registry.repositories.values()) {
    const name = repository.repositoryName;
    const scanFrequency = repositoryScanFrequency(registry, name);
    const ecrRepository = { name, scanFrequency };
    const own = imagesOf.get(repository) ?? [];
    const scannedAt = own
      .map(entry => entry.image.scan)
      .filter(scan => scan && SCANNED.has(scan.status))
      .map(scan => scan?.completedAt)
      .filter((at): at is number => at !== undefined);
    resources.push({
      resourceType: 'AWS_ECR_REPOSITORY',
      resourceId: formatArn({
        service: 'ecr',
        region: registry.region,
        accountId: registry.accountId,
        resource: `repository/${name}`,
      }),
      accountId: registry.accountId,
      scanType: 'PACKAGE',
      scanStatus:
        scanFrequency === 'MANUAL'
          ? { statusCode: 'INACTIVE', reason: 'SCAN_FREQUENCY_MANUAL' }
          : { statusCode: 'ACTIVE', reason: 'SUCCESSFUL' },
      resourceMetadata: { ecrRepository },
      ...(scannedAt.length > 0
        ? { lastScannedAt: scannedAt.reduce((a, b) => Math.max(a, b)) }
        : {}),
    });
    for (const entry of own) {
      const { image } = entry;
      const lastScannedAt = image.scan?.completedAt;
      resources.push({
        resourceType: 'AWS_ECR_CONTAINER_IMAGE',
        resourceId: entry.resourceId,
        accountId: registry.accountId,
        scanType: 'PACKAGE',
        scanStatus: imageScanStatus(entry),
        resourceMetadata: {
          ecrRepository,
          ecrImage: {
            tags: [...image.imageTags],
            ...(image.lastRecordedPullTime !== undefined
              ? { imagePulledAt: image.lastRecordedPullTime }
              : {}),
          },
        },
        ...(lastScannedAt !== undefined ? { lastScannedAt } : {}),
      });
    }
  }
  return resources;
}
