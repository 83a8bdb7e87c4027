import type { EcrImage } from '@ecr-kit/backstage-plugin-ecr-common';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';

const VISIBLE_TAGS = 2;

/** Long tags wrap inside their chip instead of being cut with an ellipsis. */
const WRAPPING_CHIP = {
  height: 'auto',
  maxWidth: '100%',
  '& .MuiChip-label': {
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
    py: 0.25,
  },
} as const;

/** Tag chips; past two, one chip names how many more and lists them on hover and focus. */
export function ImageTags(props: { image: EcrImage }) {
  const { image } = props;
  const visible = image.tags.slice(0, VISIBLE_TAGS);
  const hidden = image.tags.slice(VISIBLE_TAGS);
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {image.tags.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          untagged
        </Typography>
      )}
      {visible.map(tag => (
        <Chip key={tag} size="small" label={tag} sx={WRAPPING_CHIP} />
      ))}
      {hidden.length > 0 && (
        <Tooltip title={hidden.join(', ')}>
          <Chip
            size="small"
            variant="outlined"
            label={`+${hidden.length} more`}
            aria-label={`${hidden.length} more tags: ${hidden.join(', ')}`}
            tabIndex={0}
          />
        </Tooltip>
      )}
      {image.status !== 'ACTIVE' && (
        <Chip
          size="small"
          variant="outlined"
          label={image.status === 'ARCHIVED' ? 'Archived' : 'Restoring'}
          title={
            image.status === 'ARCHIVED'
              ? 'Archived: restore the image before pulling it'
              : 'Being restored from the archive'
          }
        />
      )}
    </Stack>
  );
}
