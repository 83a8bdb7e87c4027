import { CopyTextButton, InfoCard } from '@backstage/core-components';
import type { EcrRepositorySummary } from '@ecr-kit/backstage-plugin-ecr-common';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { ComplianceBadges } from '../ComplianceBadges';

/** Name, URI (with copy), where it lives and its compliance badges. */
export function RepositoryHeader(props: { repository: EcrRepositorySummary }) {
  const { repository } = props;
  return (
    <InfoCard
      title={repository.name}
      subheader={`Account ${repository.accountId} · ${repository.region} · ${
        repository.imageCount === 1
          ? '1 image'
          : `${repository.imageCount} images`
      }`}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 2 }}>
        <Typography
          component="code"
          sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
        >
          {repository.uri}
        </Typography>
        <CopyTextButton
          text={repository.uri}
          aria-label="Copy repository URI"
        />
      </Box>
      <ComplianceBadges repository={repository} />
    </InfoCard>
  );
}
