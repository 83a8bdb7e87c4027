import { InfoCard, Link } from '@backstage/core-components';
import type {
  EcrFinding,
  Severity,
} from '@ecr-kit/backstage-plugin-ecr-common';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import { useId, useState } from 'react';
import { accentChipSx, type Accent } from '../../theme/accentChip';
import { FindingDetails } from '../FindingDetails';

const SEVERITY_ACCENT: Partial<Record<Severity, [Accent, boolean]>> = {
  CRITICAL: ['error', true],
  HIGH: ['warning', true],
  MEDIUM: ['warning', false],
  LOW: ['info', false],
};

const COLUMNS = [
  'Vulnerability',
  'Severity',
  'Package',
  'Installed',
  'Fixed in',
  'CVSS',
  'Exploit available',
];

const PAGE_SIZES = [50, 100, 200];

function exploit(finding: EcrFinding): string {
  if (finding.exploitAvailable === undefined) return '—';
  return finding.exploitAvailable ? 'Yes' : 'No';
}

/** One finding, and below it, once expanded, its details. */
function FindingRow(props: { finding: EcrFinding }) {
  const { finding } = props;
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  const accent = SEVERITY_ACCENT[finding.severity];
  return (
    <>
      <TableRow sx={{ '& > td': { borderBottom: expanded ? 0 : undefined } }}>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>
          <IconButton
            size="small"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            aria-label={`Details of ${finding.id}`}
            onClick={() => setExpanded(!expanded)}
            sx={{ mr: 0.5, width: 28, height: 28, fontSize: '1rem' }}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          </IconButton>
          {finding.referenceUrl ? (
            <Link to={finding.referenceUrl}>{finding.id}</Link>
          ) : (
            <span>{finding.id}</span>
          )}
        </TableCell>
        <TableCell>
          <Chip
            size="small"
            variant="outlined"
            label={finding.severity}
            sx={accent ? accentChipSx(...accent) : undefined}
          />
        </TableCell>
        <TableCell sx={{ overflowWrap: 'anywhere' }}>
          {finding.packageName ?? '—'}
        </TableCell>
        <TableCell sx={{ overflowWrap: 'anywhere' }}>
          {finding.installedVersion ?? '—'}
        </TableCell>
        <TableCell sx={{ overflowWrap: 'anywhere' }}>
          {finding.fixedInVersion ??
            (finding.fixAvailable ? 'available' : 'no fix')}
        </TableCell>
        <TableCell>{finding.cvssScore?.toFixed(1) ?? '—'}</TableCell>
        <TableCell>{exploit(finding)}</TableCell>
      </TableRow>
      {expanded && (
        <TableRow>
          <TableCell id={detailsId} colSpan={COLUMNS.length} sx={{ pl: 6 }}>
            <FindingDetails finding={finding} />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

/**
 * Findings, most severe first as given, in pages of 50; each row expands to the finding's
 * details (description, CVSS vector, remediation, when observed, references).
 */
export function FindingsTable(props: { findings: readonly EcrFinding[] }) {
  const { findings } = props;
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  const title = `Findings (${findings.length})`;
  const shown = findings.slice(page * pageSize, (page + 1) * pageSize);
  return (
    <InfoCard title={title} noPadding>
      <TableContainer>
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              {COLUMNS.map(column => (
                <TableCell key={column}>{column}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((finding, index) => (
              <FindingRow
                key={`${page}/${index}/${finding.id}/${finding.packageName}`}
                finding={finding}
              />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {findings.length > PAGE_SIZES[0] && (
        <TablePagination
          component="div"
          count={findings.length}
          page={page}
          rowsPerPage={pageSize}
          rowsPerPageOptions={PAGE_SIZES}
          onPageChange={(_event, next) => setPage(next)}
          onRowsPerPageChange={event => {
            setPageSize(Number(event.target.value));
            setPage(0);
          }}
        />
      )}
    </InfoCard>
  );
}
