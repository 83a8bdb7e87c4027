import { isContainerImageArtifact } from './isContainerImageArtifact';
import type { ContainerImage, InspectorScanStatus } from './types';

const active = (
  reason: InspectorScanStatus['reason'],
): InspectorScanStatus => ({
  statusCode: 'ACTIVE',
  reason,
});
const inactive = (
  reason: InspectorScanStatus['reason'],
): InspectorScanStatus => ({ statusCode: 'INACTIVE', reason });

/**
 * Inspector's coverage status of an image, derived from what ECR knows. Reasons are taken from
 * `ScanStatusReason` by their documented meaning (API reference, ScanStatus):
 * archived → IMAGE_ARCHIVED; repository no rule matches → SCAN_FREQUENCY_MANUAL; a
 * non-image artifact → UNSUPPORTED_MEDIA_TYPE; not scanned yet or PENDING →
 * PENDING_INITIAL_SCAN; IN_PROGRESS → SCAN_IN_PROGRESS; scanned → SUCCESSFUL while
 * continuously monitored, SCAN_FREQUENCY_SCAN_ON_PUSH once a scan-on-push scan is done;
 * UNSUPPORTED_IMAGE → UNSUPPORTED_OS; SCAN_ELIGIBILITY_EXPIRED → the same reason;
 * FAILED or FINDINGS_UNAVAILABLE → INTERNAL_ERROR.
 */
export function imageScanStatus(entry: ContainerImage): InspectorScanStatus {
  const { image, scanFrequency } = entry;
  if (image.imageStatus !== 'ACTIVE') return inactive('IMAGE_ARCHIVED');
  if (scanFrequency === 'MANUAL') return inactive('SCAN_FREQUENCY_MANUAL');
  if (!isContainerImageArtifact(image))
    return inactive('UNSUPPORTED_MEDIA_TYPE');
  switch (image.scan?.status) {
    case undefined:
    case 'PENDING':
      return active('PENDING_INITIAL_SCAN');
    case 'IN_PROGRESS':
      return active('SCAN_IN_PROGRESS');
    case 'COMPLETE':
    case 'ACTIVE':
      return scanFrequency === 'SCAN_ON_PUSH'
        ? inactive('SCAN_FREQUENCY_SCAN_ON_PUSH')
        : active('SUCCESSFUL');
    case 'UNSUPPORTED_IMAGE':
      return inactive('UNSUPPORTED_OS');
    case 'SCAN_ELIGIBILITY_EXPIRED':
      return inactive('SCAN_ELIGIBILITY_EXPIRED');
    default:
      // FAILED, FINDINGS_UNAVAILABLE, and any status ECR adds later.
      return inactive('INTERNAL_ERROR');
  }
}
