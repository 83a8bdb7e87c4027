import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import type {
  EcrScanSummary,
  ScanState,
} from '@ecr-kit/backstage-plugin-ecr-common';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ComponentType, PropsWithChildren } from 'react';

const STATES: Record<
  ScanState,
  { Icon: ComponentType<PropsWithChildren>; text: string }
> = {
  COMPLETE: { Icon: StatusOK, text: 'Scanned' },
  IN_PROGRESS: { Icon: StatusRunning, text: 'Scanning' },
  PENDING: { Icon: StatusPending, text: 'Scan pending' },
  FAILED: { Icon: StatusError, text: 'Scan failed' },
  UNSUPPORTED: { Icon: StatusAborted, text: 'Not scannable' },
  NOT_SCANNED: { Icon: StatusWarning, text: 'Not scanned' },
  UNKNOWN: { Icon: StatusAborted, text: 'Scan status unknown' },
  UNAVAILABLE: { Icon: StatusWarning, text: 'Scan unavailable' },
};

/**
 * Why a scan is in its state, in words: the backend's reason when it could not read the
 * scan, ECR's description otherwise (for an index, how many of its platforms are in it).
 */
export function scanReason(
  scan: EcrScanSummary | undefined,
): string | undefined {
  if (!scan) return undefined;
  if (scan.state === 'UNAVAILABLE') {
    return scan.unavailableReason ?? 'The backend could not read the scan.';
  }
  return scan.description;
}

/**
 * A scan state in words; never a spinner, so a stuck scan does not look like loading. The
 * text wraps rather than being cut. `label` replaces the state's words (an index whose
 * platforms were never scanned). With `showReason`, why it is in that state is shown
 * below it, not only on hover.
 */
export function ScanStatus(props: {
  scan?: EcrScanSummary;
  label?: string;
  showReason?: boolean;
}) {
  const { scan, label, showReason = false } = props;
  const { Icon, text } = STATES[scan?.state ?? 'UNKNOWN'] ?? STATES.UNKNOWN;
  const reason = scanReason(scan);
  // Backstage's Status components hide their children from assistive technology,
  // so the words go next to the icon rather than inside it.
  return (
    <Box component="span" sx={{ display: 'inline-block', maxWidth: '100%' }}>
      <Box
        component="span"
        title={reason}
        sx={{ display: 'inline-flex', alignItems: 'baseline' }}
      >
        <Icon />
        <span>{label ?? text}</span>
      </Box>
      {showReason && reason && (
        <Typography
          variant="caption"
          component="span"
          color="text.secondary"
          sx={{ display: 'block', overflowWrap: 'break-word' }}
        >
          {reason}
        </Typography>
      )}
    </Box>
  );
}
