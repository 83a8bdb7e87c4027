import type { FindingRecord } from '../model';
import { isContainerImageArtifact } from './isContainerImageArtifact';
import type { ContainerImage } from './types';

/**
 * The image's findings that Inspector holds as ACTIVE. Inspector closes the findings of a
 * resource that is deleted or no longer eligible for scanning (Inspector User Guide,
 * "Understanding findings"), so archived images, repositories no scanning rule covers and
 * expired or failed scans contribute none.
 */
export function inspectorFindings(
  entry: ContainerImage,
): readonly FindingRecord[] {
  const { image, scanFrequency } = entry;
  const scan = image.scan;
  if (
    image.imageStatus !== 'ACTIVE' ||
    scanFrequency === 'MANUAL' ||
    !isContainerImageArtifact(image) ||
    !scan ||
    (scan.status !== 'COMPLETE' && scan.status !== 'ACTIVE')
  ) {
    return [];
  }
  return scan.findings;
}
