import { Link } from '@backstage/core-components';
import type { EcrImage } from '@ecr-kit/backstage-plugin-ecr-common';
import { imageName } from './imageName';

/** The link to an image's findings, named after the image. */
export function FindingsLink(props: {
  image: EcrImage;
  findingsLink: (digest: string) => string;
}) {
  const { image, findingsLink } = props;
  return (
    <Link
      to={findingsLink(image.digest)}
      aria-label={`View findings of ${imageName(image)}`}
    >
      Findings
    </Link>
  );
}
