import {
  DescribeImageScanFindingsCommand,
  ECRClient,
} from '@aws-sdk/client-ecr';
import {
  SEVERITIES,
  type Severity,
} from '@ecr-kit/backstage-plugin-ecr-common';
import type { LocalEcrApi } from '@ecr-kit/local-ecr-api';

/**
 * Severities worst first, the contract's order (pinned by its tests); anything else ECR
 * reports (UNTRIAGED) counts as UNDEFINED.
 */
export const SEVERITY_RANK: readonly Severity[] = SEVERITIES;

/**
 * ECR's own answer, image by image: the severities DescribeImageScanFindings counts for each
 * active image of a repository (an empty list for an image without findings), read straight
 * from the local ECR API — the referee the plugin's filters are checked against.
 */
export async function readScanTruth(
  api: LocalEcrApi,
  target: {
    accountId: string;
    region: string;
    repositoryName: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
  },
): Promise<Map<string, Severity[]>> {
  const ecr = new ECRClient({
    endpoint: api.url,
    region: target.region,
    credentials: target.credentials,
  });
  const active = [
    ...api.store
      .get(target.accountId, target.region)
      .repositories.get(target.repositoryName)!
      .images.values(),
  ].filter(i => i.imageStatus === 'ACTIVE');
  const truth = new Map<string, Severity[]>();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < active.length) {
        const { imageDigest } = active[next++];
        const scan = await ecr
          .send(
            new DescribeImageScanFindingsCommand({
              repositoryName: target.repositoryName,
              imageId: { imageDigest },
              maxResults: 1,
            }),
          )
          .catch(() => undefined);
        const counts = scan?.imageScanFindings?.findingSeverityCounts ?? {};
        truth.set(
          imageDigest,
          Object.entries(counts)
            .filter(([, n]) => (n ?? 0) > 0)
            .map(([s]) =>
              SEVERITY_RANK.includes(s as Severity)
                ? (s as Severity)
                : 'UNDEFINED',
            ),
        );
      }
    }),
  );
  ecr.destroy();
  return truth;
}
