import { Link } from '@backstage/core-components';
import type {
  EcrFinding,
  EcrVulnerablePackage,
} from '@ecr-kit/backstage-plugin-ecr-common';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { formatExactTime } from '../../format';
import { TimeAgo } from '../TimeAgo';

function Field(props: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography
        component="dt"
        variant="body2"
        color="text.secondary"
        sx={{ fontWeight: 'bold' }}
      >
        {props.label}
      </Typography>
      <Typography
        component="dd"
        variant="body2"
        sx={{ m: 0, minWidth: 0, overflowWrap: 'anywhere' }}
      >
        {props.children}
      </Typography>
    </>
  );
}

function Observed(props: { time: string }) {
  return (
    <>
      {formatExactTime(props.time)} (<TimeAgo time={props.time} />)
    </>
  );
}

function packageLine(pkg: EcrVulnerablePackage): string {
  const version = pkg.version ? ` ${pkg.version}` : '';
  const fix = pkg.fixedInVersion
    ? `, fixed in ${pkg.fixedInVersion}`
    : ', no fix';
  const where = [pkg.packageManager, pkg.arch].filter(Boolean).join(', ');
  return `${pkg.name}${version}${fix}${where ? ` (${where})` : ''}`;
}

/**
 * Everything the scanner says about one finding beyond the table's columns: description,
 * CVSS vector and where the score comes from, remediation, when it was first and last
 * seen, the affected packages and the references — each only when the backend has it.
 */
export function FindingDetails(props: { finding: EcrFinding }) {
  const { finding } = props;
  const { cvss, packages = [], references = [] } = finding;
  const hasDetail =
    finding.description ||
    cvss ||
    finding.remediation ||
    finding.remediationUrl ||
    finding.firstObservedAt ||
    finding.lastObservedAt ||
    packages.length > 0 ||
    references.length > 0;
  if (!hasDetail) {
    return (
      <Typography variant="body2" color="text.secondary">
        The scanner reports no further detail for this finding.
      </Typography>
    );
  }
  const cvssSource = [
    cvss?.version && `CVSS ${cvss.version}`,
    cvss?.source && `scored by ${cvss.source}`,
  ]
    .filter(Boolean)
    .join(', ');
  // A named group, so that the expanded details can be found from their toggle.
  return (
    <Box role="group" aria-label={`Details of ${finding.id}`}>
      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: 'minmax(7em, max-content) minmax(0, 1fr)',
          columnGap: 2,
          rowGap: 1,
          m: 0,
        }}
      >
        {finding.title && finding.title !== finding.id && (
          <Field label="Title">{finding.title}</Field>
        )}
        {finding.description && (
          <Field label="Description">{finding.description}</Field>
        )}
        {cvss && (
          <Field label="CVSS">
            {cvss.score.toFixed(1)}
            {cvssSource && ` (${cvssSource})`}
            {cvss.vector && (
              <>
                {' '}
                <Box component="code" sx={{ fontFamily: 'monospace' }}>
                  {cvss.vector}
                </Box>
              </>
            )}
          </Field>
        )}
        {(finding.remediation || finding.remediationUrl) && (
          <Field label="Remediation">
            {finding.remediation}
            {finding.remediationUrl && (
              <>
                {finding.remediation && ' '}
                <Link to={finding.remediationUrl}>
                  {finding.remediationUrl}
                </Link>
              </>
            )}
          </Field>
        )}
        {finding.firstObservedAt && (
          <Field label="First observed">
            <Observed time={finding.firstObservedAt} />
          </Field>
        )}
        {finding.lastObservedAt && (
          <Field label="Last observed">
            <Observed time={finding.lastObservedAt} />
          </Field>
        )}
        {packages.length > 0 && (
          <Field label={packages.length === 1 ? 'Package' : 'Packages'}>
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {packages.map(pkg => (
                <li key={`${pkg.name}/${pkg.version}/${pkg.filePath}`}>
                  {packageLine(pkg)}
                  {pkg.filePath && (
                    <>
                      {' in '}
                      <Box component="code" sx={{ fontFamily: 'monospace' }}>
                        {pkg.filePath}
                      </Box>
                    </>
                  )}
                </li>
              ))}
            </Box>
          </Field>
        )}
        {references.length > 0 && (
          <Field label="References">
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {references.map(url => (
                <li key={url}>
                  <Link to={url}>{url}</Link>
                </li>
              ))}
            </Box>
          </Field>
        )}
      </Box>
    </Box>
  );
}
