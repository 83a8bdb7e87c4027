// The registry every row of the images-view benchmark reads: one local ECR API holding a
// 10,000-image repository with basic scanning and one with enhanced scanning, and what
// ECR itself says about them (calls per listing, images with findings, severity truth).
import {
  DescribeImageScanFindingsCommand,
  ECRClient,
} from '@aws-sdk/client-ecr';
import { startLocalEcrApi, type LocalEcrApi } from '@ecr-kit/local-ecr-api';

export const N = Number(process.env.BENCH_IMAGES ?? 10_000);
export const ACCOUNT = '111111111111';
export const BASIC_REGION = 'eu-west-1';
export const ENHANCED_REGION = 'us-east-1';
export const REPOSITORY = 'team/big';
export const KEY = { accessKeyId: 'AKIABENCH', secretAccessKey: 'bench' };

export const arnOf = (region: string) =>
  `arn:aws:ecr:${region}:${ACCOUNT}:repository/${REPOSITORY}`;

/** Severity ranks, worst first (as the images view orders them). */
const RANK = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];

export async function startBenchRegistry(): Promise<LocalEcrApi> {
  return startLocalEcrApi({
    seed: 7,
    accounts: { [KEY.accessKeyId]: ACCOUNT },
    fixture: {
      registries: [
        {
          accountId: ACCOUNT,
          region: BASIC_REGION,
          repositories: [{ name: REPOSITORY, generate: { count: N, seed: 7 } }],
        },
        {
          accountId: ACCOUNT,
          region: ENHANCED_REGION,
          scanType: 'ENHANCED',
          scanningRules: [
            { scanFrequency: 'CONTINUOUS_SCAN', filters: [REPOSITORY] },
          ],
          repositories: [{ name: REPOSITORY, generate: { count: N, seed: 8 } }],
        },
      ],
    },
  });
}

function images(api: LocalEcrApi, region: string) {
  return [
    ...api.store
      .get(ACCOUNT, region)
      .repositories.get(REPOSITORY)!
      .images.values(),
  ];
}

/** What one listing of a repository costs: DescribeImages calls and index manifests. */
export function listingCost(api: LocalEcrApi, region: string) {
  const all = images(api, region);
  const tagged = all.filter(i => i.imageTags.length > 0).length;
  return {
    // Tagged and untagged images are listed as two chains of 1,000-image pages.
    describeImages:
      Math.ceil(tagged / 1000) + Math.ceil((all.length - tagged) / 1000),
    activeIndexes: all.filter(i => i.manifests && i.imageStatus === 'ACTIVE')
      .length,
  };
}

/**
 * ECR's own answer, image by image (DescribeImageScanFindings, no latency): how many
 * table rows have a finding at `minimum` or worse, and how many digests have findings at
 * all (the rows Inspector aggregates).
 */
export async function severityTruth(
  api: LocalEcrApi,
  region: string,
  minimum: string,
) {
  const ecr = new ECRClient({
    endpoint: api.url,
    region,
    credentials: KEY,
  });
  const all = images(api, region);
  const worst = new Map<string, number>();
  let next = 0;
  const active = all.filter(i => i.imageStatus === 'ACTIVE');
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < active.length) {
        const image = active[next++];
        const scan = await ecr
          .send(
            new DescribeImageScanFindingsCommand({
              repositoryName: REPOSITORY,
              imageId: { imageDigest: image.imageDigest },
              maxResults: 1,
            }),
          )
          .catch(() => undefined);
        const counts = scan?.imageScanFindings?.findingSeverityCounts ?? {};
        const ranks = Object.entries(counts)
          .filter(([, n]) => (n ?? 0) > 0)
          .map(([s]) => (RANK.includes(s) ? RANK.indexOf(s) : RANK.length));
        if (ranks.length > 0) worst.set(image.imageDigest, Math.min(...ranks));
      }
    }),
  );
  ecr.destroy();
  const children = new Set(
    active.flatMap(i => (i.manifests ?? []).map(m => m.digest)),
  );
  const limit = RANK.indexOf(minimum);
  const matching = all
    .filter(i => !i.subjectManifestDigest && !children.has(i.imageDigest))
    .filter(i =>
      (i.manifests && i.imageStatus === 'ACTIVE'
        ? i.manifests.map(m => m.digest)
        : [i.imageDigest]
      ).some(d => (worst.get(d) ?? Infinity) <= limit),
    ).length;
  return { matching, withFindings: worst.size };
}
