import {
  paginateListFindingAggregations,
  type Inspector2Client,
} from '@aws-sdk/client-inspector2';
import type {
  EcrImage,
  RepositoryArn,
  Severity,
} from '@ecr-kit/backstage-plugin-ecr-common';

/**
 * Amazon Inspector's active-finding counts of one image. Inspector's aggregation counts
 * critical, high and medium apart and the rest (low, informational, untriaged) only in `all`.
 */
export interface InspectorCounts {
  readonly critical: number;
  readonly high: number;
  readonly medium: number;
  readonly all: number;
}

/** ListFindingAggregations returns at most 100 aggregations per call (Inspector API model). */
const AGGREGATION_PAGE_SIZE = 100;

/**
 * The counts of every image of a repository with active findings, from Amazon Inspector's
 * `AWS_ECR_CONTAINER` aggregation filtered to the repository: ⌈images with findings / 100⌉
 * calls, instead of one DescribeImageScanFindings per image. An image without active
 * findings has no aggregation, so it is absent here.
 */
export async function listInspectorSeverities(
  inspector: Inspector2Client,
  arn: RepositoryArn,
): Promise<Record<string, InspectorCounts>> {
  const counts: Record<string, InspectorCounts> = {};
  for await (const page of paginateListFindingAggregations(
    { client: inspector, pageSize: AGGREGATION_PAGE_SIZE },
    {
      aggregationType: 'AWS_ECR_CONTAINER',
      accountIds: [{ comparison: 'EQUALS', value: arn.accountId }],
      aggregationRequest: {
        awsEcrContainerAggregation: {
          repositories: [{ comparison: 'EQUALS', value: arn.repositoryName }],
        },
      },
    },
  )) {
    for (const response of page.responses ?? []) {
      const row = response.awsEcrContainerAggregation;
      if (!row?.imageSha) continue;
      counts[row.imageSha] = {
        critical: row.severityCounts?.critical ?? 0,
        high: row.severityCounts?.high ?? 0,
        medium: row.severityCounts?.medium ?? 0,
        all: row.severityCounts?.all ?? 0,
      };
    }
  }
  return counts;
}

/**
 * Whether Inspector's counts show a finding at `minimum` or worse: `undefined` when they
 * cannot tell — low and informational are counted together with untriaged findings in
 * `all`, so an image whose only findings are in that remainder needs its own summary.
 */
export function inspectorMatches(
  counts: InspectorCounts | undefined,
  minimum: Severity,
): boolean | undefined {
  if (!counts) return false;
  const ranked = counts.critical + counts.high + counts.medium;
  switch (minimum) {
    case 'CRITICAL':
      return counts.critical > 0;
    case 'HIGH':
      return counts.critical + counts.high > 0;
    case 'MEDIUM':
      return ranked > 0;
    case 'UNDEFINED':
      return counts.all > 0;
    default:
      // LOW or INFORMATIONAL: decided unless the only findings are in the remainder.
      if (ranked > 0) return true;
      return counts.all > 0 ? undefined : false;
  }
}

/** The same test for a grouped image: an index matches when one of its platforms does. */
export function imageMatches(
  image: EcrImage,
  test: (digest: string) => boolean | undefined,
): boolean | undefined {
  const digests =
    image.kind === 'image-index' && image.children.length > 0
      ? image.children.map(c => c.digest)
      : [image.digest];
  let unknown = false;
  for (const digest of digests) {
    const matches = test(digest);
    if (matches) return true;
    if (matches === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}
