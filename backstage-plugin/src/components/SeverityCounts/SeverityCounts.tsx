import type {
  Severity,
  SeverityCounts as Counts,
} from '@ecr-kit/backstage-plugin-ecr-common';
import Chip, { type ChipProps } from '@mui/material/Chip';
import Stack from '@mui/material/Stack';

type Bucket = {
  label: string;
  short: string;
  severities: Severity[];
  color: ChipProps['color'];
  variant: ChipProps['variant'];
};

// Theme palette colours only, so the chips keep their contrast in dark mode.
const BUCKETS: Bucket[] = [
  {
    label: 'Critical',
    short: 'C',
    severities: ['CRITICAL'],
    color: 'error',
    variant: 'filled',
  },
  {
    label: 'High',
    short: 'H',
    severities: ['HIGH'],
    color: 'warning',
    variant: 'filled',
  },
  {
    label: 'Medium',
    short: 'M',
    severities: ['MEDIUM'],
    color: 'warning',
    variant: 'outlined',
  },
  {
    label: 'Low',
    short: 'L',
    severities: ['LOW'],
    color: 'info',
    variant: 'outlined',
  },
  {
    label: 'Other',
    short: 'O',
    severities: ['INFORMATIONAL', 'UNDEFINED'],
    color: 'default',
    variant: 'outlined',
  },
];

/**
 * Finding counts: critical, high, medium, low and other, coloured by severity. `compact`
 * (for table rows) shows initials; the list's accessible name then carries the full words.
 */
export function SeverityCounts(props: {
  counts?: Counts;
  label?: string;
  compact?: boolean;
}) {
  const { counts, label = 'Vulnerabilities', compact = false } = props;
  if (!counts) return <span>—</span>;
  const buckets = BUCKETS.map(bucket => ({
    ...bucket,
    count: bucket.severities.reduce(
      (sum, severity) => sum + (counts[severity] ?? 0),
      0,
    ),
  }));
  const summary = buckets.map(b => `${b.label} ${b.count}`).join(', ');
  return (
    <Stack
      component="ul"
      aria-label={compact ? `${label}: ${summary}` : label}
      direction="row"
      spacing={0.5}
      useFlexGap
      flexWrap={compact ? 'nowrap' : 'wrap'}
      sx={{ listStyle: 'none', m: 0, p: 0 }}
    >
      {buckets.map(bucket => (
        <li key={bucket.label}>
          <Chip
            size="small"
            label={`${compact ? bucket.short : bucket.label} ${bucket.count}`}
            title={compact ? `${bucket.label}: ${bucket.count}` : undefined}
            color={bucket.count > 0 ? bucket.color : 'default'}
            variant={bucket.count > 0 ? bucket.variant : 'outlined'}
            sx={compact ? { '& > span': { px: 0.75 } } : undefined}
          />
        </li>
      ))}
    </Stack>
  );
}
