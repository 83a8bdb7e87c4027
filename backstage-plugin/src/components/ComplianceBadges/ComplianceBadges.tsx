import type { EcrRepositorySummary } from '@ecr-kit/backstage-plugin-ecr-common';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import { accentChipSx } from '../../theme/accentChip';
import { repositoryBadges } from './repositoryBadges';

/** The repository's compliance signals as badges; "off" badges say so in their text. */
export function ComplianceBadges(props: {
  repository: EcrRepositorySummary;
  size?: 'small' | 'medium';
}) {
  const { repository, size = 'medium' } = props;
  return (
    <Stack
      component="ul"
      aria-label="Repository settings"
      direction="row"
      spacing={1}
      useFlexGap
      flexWrap="wrap"
      sx={{ listStyle: 'none', m: 0, p: 0 }}
    >
      {repositoryBadges(repository).map(badge => {
        const chip = (
          <Chip
            size={size}
            label={badge.label}
            variant="outlined"
            sx={accentChipSx(badge.on ? 'success' : 'warning', !badge.on)}
          />
        );
        return (
          <li key={badge.key}>
            {badge.detail ? (
              <Tooltip title={badge.detail}>{chip}</Tooltip>
            ) : (
              chip
            )}
          </li>
        );
      })}
    </Stack>
  );
}
