import type { EcrImage } from '@ecr-kit/backstage-plugin-ecr-common';
import Stack from '@mui/material/Stack';
import { ImageArtifacts } from './ImageArtifacts';
import { ImageDigest } from './ImageDigest';
import { ImageTags } from './ImageTags';

/** What the image is: its tags, its digest and what belongs to it (platforms, referrers). */
export function ImageCell(props: {
  image: EcrImage;
  uri: string;
  findingsLink: (digest: string) => string;
}) {
  const { image, uri, findingsLink } = props;
  return (
    <Stack spacing={0.5} alignItems="flex-start">
      <ImageTags image={image} />
      <ImageDigest image={image} />
      <ImageArtifacts image={image} uri={uri} findingsLink={findingsLink} />
    </Stack>
  );
}
