import type { EcrImage } from '@ecr-kit/backstage-plugin-ecr-common';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ScanStatus, platformScans, worstOf } from '../ScanStatus';
import { SeverityCounts } from '../SeverityCounts';
import { TimeAgo } from '../TimeAgo';
import { FindingsLink } from './FindingsLink';
import { imageName } from './imageName';

/**
 * Scan state and severity counts in one cell: the counts once a scan is complete, else
 * the state in words with why. An index shows the worst counts over its scanned platforms
 * (ECR scans the platforms, not the index), says how many that is, and what the others
 * are; its findings are per platform.
 */
export function ScanCell(props: {
  image: EcrImage;
  findingsLink: (digest: string) => string;
}) {
  const { image, findingsLink } = props;
  const { scan } = image;
  const platforms = platformScans(image);
  const name = imageName(image);
  const complete = scan?.state === 'COMPLETE' && scan.counts;
  const counts = complete ? scan.counts : platforms?.worst;
  return (
    <Stack spacing={0.5} alignItems="flex-start">
      {counts && (
        <>
          <SeverityCounts
            compact
            counts={counts}
            label={`Vulnerabilities of ${name}`}
          />
          <Typography variant="caption" color="text.secondary">
            {platforms && `${worstOf(platforms)}${complete ? ', ' : ''}`}
            {complete && (
              <>
                scanned{' '}
                <TimeAgo
                  time={scan.completedAt}
                  fallback="at an unknown time"
                />
              </>
            )}
          </Typography>
        </>
      )}
      {!complete && (
        <ScanStatus
          scan={scan}
          label={platforms?.noneScanned ? 'Platforms not scanned' : undefined}
          showReason
        />
      )}
      {platforms ? (
        <Typography variant="caption" color="text.secondary">
          Findings per platform
        </Typography>
      ) : (
        <FindingsLink image={image} findingsLink={findingsLink} />
      )}
    </Stack>
  );
}
