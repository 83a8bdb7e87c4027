import type { EcrImage } from '@ecr-kit/backstage-plugin-ecr-common';
import { shortDigest } from '../../format';

/** How an image is named in labels: its first tag, else its platform, else its short digest. */
export function imageName(image: EcrImage): string {
  return image.tags[0] ?? image.platform ?? shortDigest(image.digest);
}
