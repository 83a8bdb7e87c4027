import type { EcrImage } from '@ecr-kit/backstage-plugin-ecr-common';
import Typography from '@mui/material/Typography';
import { TimeAgo } from '../TimeAgo';

/** When the image was pushed, and below it when it was last pulled. */
export function PushedCell(props: { image: EcrImage }) {
  const { image } = props;
  return (
    <>
      <Typography variant="body2">
        <TimeAgo time={image.pushedAt} />
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        {image.lastPulledAt ? (
          <>
            pulled <TimeAgo time={image.lastPulledAt} />
          </>
        ) : (
          'no pull recorded'
        )}
      </Typography>
    </>
  );
}
