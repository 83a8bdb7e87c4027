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
import type { ComponentType, PropsWithChildren } from 'react';

const STATES: Record<
  ScanState,
  { Icon: ComponentType<PropsWithChildren>; text: string }
> = {
  COMPLETE: { Icon: StatusOK, text: 'Scanned' },
  IN_PROGRESS: { Icon: StatusRunning, text: 'Scanning' },
  PENDING: { Icon: StatusPending, text: 'Pending' },
  FAILED: { Icon: StatusError, text: 'Failed' },
  UNSUPPORTED: { Icon: StatusAborted, text: 'Unsupported' },
  NOT_SCANNED: { Icon: StatusWarning, text: 'Not scanned' },
  UNKNOWN: { Icon: StatusAborted, text: 'Unknown' },
  UNAVAILABLE: { Icon: StatusWarning, text: 'Scan unavailable' },
};

/** A scan state in words (the column or label says it is about the scan); never a spinner, so a stuck scan does not look like loading. */
export function ScanStatus(props: { scan?: EcrScanSummary }) {
  const { scan } = props;
  const { Icon, text } = STATES[scan?.state ?? 'UNKNOWN'] ?? STATES.UNKNOWN;
  // Backstage's Status components hide their children from assistive technology,
  // so the words go next to the icon rather than inside it.
  return (
    <Box
      component="span"
      title={scan?.unavailableReason ?? scan?.description}
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        whiteSpace: 'nowrap',
      }}
    >
      <Icon />
      {text}
    </Box>
  );
}
