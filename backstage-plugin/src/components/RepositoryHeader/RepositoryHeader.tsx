import { CopyTextButton, InfoCard, Link } from '@backstage/core-components';
import type { EcrRepositorySummary } from '@ecr-kit/backstage-plugin-ecr-common';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useConsoleUrl } from '../../hooks';
import { ComplianceBadges } from '../ComplianceBadges';

/** Name, URI (with copy), where it lives, its console page and its compliance badges. */
export function RepositoryHeader(props: { repository: EcrRepositorySummary }) {
  const { repository } = props;
  const consoleUrl = useConsoleUrl()(
    repository.consoleUrl,
    repository.accountId,
  );
  return (
    <InfoCard
      title={repository.name}
      subheader={`Account ${repository.accountId} · ${repository.region} · ${
        repository.imageCount === 1
          ? '1 image'
          : `${repository.imageCount} images`
      }`}
    >
      <Box
        sx={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          columnGap: 2,
          rowGap: 1,
          mb: 2,
        }}
      >
        <Box
          sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}
        >
          <Typography
            component="code"
            sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}
          >
            {repository.uri}
          </Typography>
          <CopyTextButton
            text={repository.uri}
            aria-label="Copy repository URI"
          />
        </Box>
        {consoleUrl && (
          <Link to={consoleUrl} externalLinkIcon>
            Open in the AWS console
          </Link>
        )}
      </Box>
      <ComplianceBadges repository={repository} />
    </InfoCard>
  );
}
