import { formatArn } from './partitions';

/**
 * `arn:<partition>:iam::<account>:root`: the account as a principal, in `partition`.
 *
 * @public
 */
export function accountRootArn(accountId: string, partition: string): string {
  return formatArn({
    service: 'iam',
    region: '',
    accountId,
    resource: 'root',
    partition,
  });
}

/**
 * Service principals ecr-kit names in policies. They end in `amazonaws.com` in every partition,
 * China included: the China user guide's trust policy for repository creation templates names
 * `ecr.amazonaws.com`; of the services whose China principal differs, only EC2 and S3 are known
 * (`*.amazonaws.com.cn`, hashicorp/terraform-provider-aws#46209 and #47141), and ecr-kit names
 * neither.
 *
 * @public
 */
export const SERVICE_PRINCIPALS = {
  /** ECR itself, e.g. assuming a repository creation template's role. */
  ecr: 'ecr.amazonaws.com',
  /** ECR pull through cache, assuming the role of an ECR-to-ECR cache rule. */
  pullThroughCache: 'pullthroughcache.ecr.amazonaws.com',
  /** AWS Lambda, pulling a function's container image. */
  lambda: 'lambda.amazonaws.com',
} as const;

/**
 * The parts of an IAM role ARN, or undefined for anything else.
 *
 * @public
 */
export function parseRoleArn(
  arn: string,
): { partition: string; accountId: string; name: string } | undefined {
  const match =
    /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/.exec(
      arn,
    );
  return match
    ? { partition: match[1], accountId: match[2], name: match[3] }
    : undefined;
}
