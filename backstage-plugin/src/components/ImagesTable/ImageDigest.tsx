import { CopyTextButton } from '@backstage/core-components';
import type { EcrImage } from '@ecr-kit/backstage-plugin-ecr-common';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { imageId } from '../../format';
import { imageName } from './imageName';

/** The short digest (as `docker images` shows it), the full one on hover, and a copy button. */
export function ImageDigest(props: { image: EcrImage }) {
  const { image } = props;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
      <Typography
        variant="body2"
        component="code"
        title={image.digest}
        sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
      >
        {imageId(image.digest)}
      </Typography>
      <CopyTextButton
        text={image.digest}
        variant="tertiary"
        aria-label={`Copy digest of ${imageName(image)}`}
      />
    </Box>
  );
}
