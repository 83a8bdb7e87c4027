// The registry every row of the images-view benchmark reads: one local ECR API holding a
// 10,000-image repository with basic scanning and one with enhanced scanning, and what
// ECR itself says about them (calls per listing, images with findings, severity truth).
import type { Severity } from '@ecr-kit/backstage-plugin-ecr-common';
import { startLocalEcrApi, type LocalEcrApi } from '@ecr-kit/local-ecr-api';
import { SEVERITY_RANK, readScanTruth } from '../src/__testUtils__/scanTruth';

export const N = Number(process.env.BENCH_IMAGES ?? 10_000);
export const ACCOUNT = '111111111111';
export const BASIC_REGION = 'eu-west-1';
export const ENHANCED_REGION = 'us-east-1';
export const REPOSITORY = 'team/big';
export const KEY = { accessKeyId: 'AKIABENCH', secretAccessKey: 'bench' };

export const arnOf = (region: string) =>
  `arn:aws:ecr:${region}:${ACCOUNT}:repository/${REPOSITORY}`;

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
  minimum: Severity,
) {
  const truth = await readScanTruth(api, {
    accountId: ACCOUNT,
    region,
    repositoryName: REPOSITORY,
    credentials: KEY,
  });
  const limit = SEVERITY_RANK.indexOf(minimum);
  const matches = (digest: string) =>
    (truth.get(digest) ?? []).some(s => SEVERITY_RANK.indexOf(s) <= limit);
  const all = images(api, region);
  const children = new Set(
    all
      .filter(i => i.imageStatus === 'ACTIVE')
      .flatMap(i => (i.manifests ?? []).map(m => m.digest)),
  );
  const matching = all
    .filter(i => !i.subjectManifestDigest && !children.has(i.imageDigest))
    .filter(i =>
      (i.manifests && i.imageStatus === 'ACTIVE'
        ? i.manifests.map(m => m.digest)
        : [i.imageDigest]
      ).some(matches),
    ).length;
  const withFindings = [...truth.values()].filter(s => s.length > 0).length;
  return { matching, withFindings };
}
