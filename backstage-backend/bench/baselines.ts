// The two baselines of the images-view benchmark, both on every view (no cache):
// - naive: list every image, then DescribeImageScanFindings for each one;
// - awslabs-style: one DescribeImages call for the first 100 images (ECR's order, not the
//   newest first), their scan summaries as DescribeImages returns them, nothing else.
import {
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  ECRClient,
  paginateDescribeImages,
} from '@aws-sdk/client-ecr';
import type { LocalEcrApi } from '@ecr-kit/local-ecr-api';
import { BASIC_REGION, KEY, REPOSITORY } from './benchRegistry';

/** The naive plugin's concurrent findings calls (as many as the plugin's per-Region cap). */
export const NAIVE_CONCURRENCY = 50;

function client(api: LocalEcrApi) {
  return new ECRClient({
    endpoint: api.url,
    region: BASIC_REGION,
    credentials: KEY,
  });
}

export async function naiveView(api: LocalEcrApi) {
  const ecr = client(api);
  const start = performance.now();
  const digests: string[] = [];
  for await (const page of paginateDescribeImages(
    { client: ecr, pageSize: 1000 },
    { repositoryName: REPOSITORY },
  )) {
    for (const image of page.imageDetails ?? []) {
      digests.push(image.imageDigest!);
    }
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: NAIVE_CONCURRENCY }, async () => {
      while (next < digests.length) {
        const imageDigest = digests[next++];
        await ecr
          .send(
            new DescribeImageScanFindingsCommand({
              repositoryName: REPOSITORY,
              imageId: { imageDigest },
            }),
          )
          .catch(() => undefined);
      }
    }),
  );
  ecr.destroy();
  return { ms: performance.now() - start, images: digests.length };
}

export async function awslabsStyleView(api: LocalEcrApi) {
  const ecr = client(api);
  const start = performance.now();
  const page = await ecr.send(
    new DescribeImagesCommand({ repositoryName: REPOSITORY, maxResults: 100 }),
  );
  ecr.destroy();
  return {
    ms: performance.now() - start,
    images: page.imageDetails?.length ?? 0,
  };
}
