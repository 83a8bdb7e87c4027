import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  SEVERITIES,
  type EcrRepositorySummary,
  type EcrScanSummary,
  type Severity,
} from '@ecr-kit/backstage-plugin-ecr-common';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ecrApiRef } from '../../api';
import { shortDigest } from '../../format';
import { useConsoleUrl } from '../../hooks';
import { FindingsTable } from '../FindingsTable';
import { FreshnessNotice } from '../FreshnessNotice';
import { ScanStatus } from '../ScanStatus';
import { SeverityCounts } from '../SeverityCounts';
import { TimeAgo } from '../TimeAgo';
import { sortFindings } from './sortFindings';
import { WrappingRow } from '../WrappingRow';

/** Why there are no findings to show, when the scan has not produced any. */
function ScanNotice(props: { scan: EcrScanSummary; onRetry: () => void }) {
  const { scan, onRetry } = props;
  const reason = scan.description ? ` ${scan.description}` : '';
  switch (scan.state) {
    case 'IN_PROGRESS':
    case 'PENDING':
      return (
        <WarningPanel
          severity="info"
          defaultExpanded
          title="The scan of this image is still in progress; findings appear when it completes."
        >
          <Button variant="outlined" onClick={onRetry}>
            Check again
          </Button>
        </WarningPanel>
      );
    case 'FAILED':
      return (
        <WarningPanel
          severity="error"
          title={`The scan of this image failed.${reason}`}
        />
      );
    case 'UNSUPPORTED':
      return (
        <WarningPanel
          severity="info"
          title={`This artifact cannot be scanned.${reason}`}
        />
      );
    case 'NOT_SCANNED':
      return (
        <WarningPanel
          severity="warning"
          title="This image has not been scanned. Turn on scan on push or enhanced scanning for the repository, or start a manual scan. (For a multi-architecture index, open one of its platforms: ECR scans the platforms, not the index.)"
        />
      );
    case 'UNKNOWN':
      return (
        <WarningPanel
          severity="warning"
          title={`The scan status of this image is unknown.${reason}`}
        />
      );
    case 'UNAVAILABLE':
      return (
        <WarningPanel
          severity="warning"
          title={`The scan results could not be read: ${scan.unavailableReason ?? 'the backend gave no reason.'}`}
        />
      );
    default:
      return null;
  }
}

/** The vulnerability findings of one image, basic or enhanced scanning alike. */
export function FindingsView(props: {
  entityRef: CompoundEntityRef;
  repository: EcrRepositorySummary;
  digest: string;
  backLink: string;
}) {
  const { entityRef, repository, digest, backLink } = props;
  const ecrApi = useApi(ecrApiRef);
  const consoleUrl = useConsoleUrl();
  const [minSeverity, setMinSeverity] = useState<Severity>();
  const [fixableOnly, setFixableOnly] = useState(false);

  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      ecrApi.getFindings(entityRef, {
        repositoryArn: repository.arn,
        digest,
        minSeverity,
        fixableOnly,
      }),
    [ecrApi, entityRef, repository.arn, digest, minSeverity, fixableOnly],
  );

  const findingsConsoleUrl = consoleUrl(
    value?.consoleUrl,
    repository.accountId,
  );

  return (
    <Stack spacing={2}>
      <Box>
        <Link to={backLink}>← Back to images</Link>
      </Box>
      <InfoCard
        title={`Findings of ${shortDigest(digest)}`}
        subheader={`${repository.name} · ${digest}`}
      >
        {value && (
          <Stack spacing={1}>
            <WrappingRow spacing={2}>
              <ScanStatus scan={value.scan} />
              {value.scan.completedAt && (
                <Typography variant="body2" color="text.secondary">
                  completed <TimeAgo time={value.scan.completedAt} />
                </Typography>
              )}
              {findingsConsoleUrl && (
                <Link to={findingsConsoleUrl} externalLinkIcon>
                  Findings in the AWS console
                </Link>
              )}
            </WrappingRow>
            <SeverityCounts
              counts={value.scan.counts}
              label="Findings by severity"
            />
          </Stack>
        )}
      </InfoCard>
      <WrappingRow spacing={2} role="search" aria-label="Filter findings">
        <TextField
          select
          size="small"
          label="Minimum severity"
          value={minSeverity ?? ''}
          onChange={event =>
            setMinSeverity((event.target.value || undefined) as Severity)
          }
          sx={{ minWidth: 180 }}
        >
          <MenuItem value="">Any</MenuItem>
          {SEVERITIES.slice(0, 4).map(severity => (
            <MenuItem key={severity} value={severity}>
              {severity}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={
            <Switch
              checked={fixableOnly}
              onChange={event => setFixableOnly(event.target.checked)}
            />
          }
          label="Fixable only"
        />
      </WrappingRow>
      {error && <ResponseErrorPanel error={error} />}
      {loading && <Progress />}
      {value && (
        <>
          <FreshnessNotice freshness={value.freshness} />
          <ScanNotice scan={value.scan} onRetry={retry} />
          {value.findings.length > 0 && (
            <FindingsTable
              key={`${minSeverity}/${fixableOnly}`}
              findings={sortFindings(value.findings)}
            />
          )}
          {value.findings.length === 0 && value.scan.state === 'COMPLETE' && (
            <Typography>
              {minSeverity || fixableOnly
                ? 'No findings match these filters.'
                : 'No vulnerabilities found.'}
            </Typography>
          )}
        </>
      )}
    </Stack>
  );
}
