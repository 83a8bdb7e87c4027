import { AWS_PARTITIONS } from '@ecr-kit/ecr-standard';
import { wildcardMatch } from './wildcardMatch';

/** The six colon-separated parts of an ARN; the resource part may hold more colons. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** Splits `arn:partition:service:region:account:resource`, or `undefined` if it is no ARN. */
export function parseArn(text: string): ArnParts | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition, service, region, account, ...resource] = parts;
  return { partition, service, region, account, resource: resource.join(':') };
}

/** Whether `partition` is one of AWS's partitions (`aws`, `aws-cn`, `aws-us-gov`, …). */
export function isKnownPartition(partition: string): boolean {
  return AWS_PARTITIONS.some(p => p.id === partition);
}

/**
 * ARN matching as `ArnLike`/`ArnEquals` and `Resource` do it: each of the six parts is
 * compared on its own, case-sensitively, with `*` and `?` wildcards, so a `*` never spans a
 * colon (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN).
 * A pattern that is not a six-part ARN (such as a bare `*`) matches nothing here; callers
 * decide what it means.
 */
export function arnMatch(pattern: string, value: string): boolean {
  const p = parseArn(pattern);
  const v = parseArn(value);
  if (!p || !v) return false;
  return (
    wildcardMatch(p.partition, v.partition) &&
    wildcardMatch(p.service, v.service) &&
    wildcardMatch(p.region, v.region) &&
    wildcardMatch(p.account, v.account) &&
    wildcardMatch(p.resource, v.resource)
  );
}
