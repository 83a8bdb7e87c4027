import type {
  Severity,
  SeverityCounts as Counts,
} from '@ecr-kit/backstage-plugin-ecr-common';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { accentChipSx, type Accent } from '../../theme/accentChip';

type Bucket = {
  label: string;
  short: string;
  severities: Severity[];
  accent?: Accent;
  strong: boolean;
};

// Theme palette colours as accents only (see accentChipSx), so that the counts keep
// their contrast in the light and the dark theme.
const BUCKETS: Bucket[] = [
  {
    label: 'Critical',
    short: 'C',
    severities: ['CRITICAL'],
    accent: 'error',
    strong: true,
  },
  {
    label: 'High',
    short: 'H',
    severities: ['HIGH'],
    accent: 'warning',
    strong: true,
  },
  {
    label: 'Medium',
    short: 'M',
    severities: ['MEDIUM'],
    accent: 'warning',
    strong: false,
  },
  {
    label: 'Low',
    short: 'L',
    severities: ['LOW'],
    accent: 'info',
    strong: false,
  },
  {
    label: 'Other',
    short: 'O',
    severities: ['INFORMATIONAL', 'UNDEFINED'],
    strong: false,
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
      flexWrap="wrap"
      sx={{ listStyle: 'none', m: 0, p: 0 }}
    >
      {buckets.map(bucket => (
        <li key={bucket.label}>
          <Chip
            size="small"
            label={`${compact ? bucket.short : bucket.label} ${bucket.count}`}
            title={compact ? `${bucket.label}: ${bucket.count}` : undefined}
            variant="outlined"
            sx={[
              bucket.count > 0 && bucket.accent
                ? accentChipSx(bucket.accent, bucket.strong)
                : {},
              compact ? { '& > span': { px: 0.75 } } : {},
            ]}
          />
        </li>
      ))}
    </Stack>
  );
}
