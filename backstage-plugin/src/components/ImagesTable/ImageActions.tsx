import { CopyTextButton, Link } from '@backstage/core-components';
import type { EcrImage } from '@ecr-kit/backstage-plugin-ecr-common';
import Stack from '@mui/material/Stack';
import { pullByDigest, pullByTag } from '../../format';
import { imageName } from './imageName';
import { WrappingRow } from '../WrappingRow';

/** Copy `docker pull` by tag and by digest; open the image in the AWS console. */
export function ImageActions(props: {
  image: EcrImage;
  uri: string;
  consoleUrl?: string;
}) {
  const { image, uri, consoleUrl } = props;
  const name = imageName(image);
  const tag = image.tags[0];
  return (
    <WrappingRow spacing={0.5}>
      <Stack direction="row" spacing={0.5} alignItems="center">
        {tag && (
          <CopyTextButton
            text={pullByTag(uri, tag)}
            variant="tertiary"
            aria-label={`Copy docker pull command for tag ${tag}`}
            tooltipText="docker pull command copied"
          />
        )}
        <CopyTextButton
          text={pullByDigest(uri, image.digest)}
          variant="tertiary"
          aria-label={`Copy docker pull command by digest for ${name}`}
          tooltipText="docker pull command copied"
        />
      </Stack>
      {consoleUrl && (
        <Link
          to={consoleUrl}
          aria-label={`Console page of ${name}`}
          externalLinkIcon
          style={{ whiteSpace: 'nowrap' }}
        >
          Console
        </Link>
      )}
    </WrappingRow>
  );
}
