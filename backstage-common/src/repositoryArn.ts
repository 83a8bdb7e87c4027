import {
  REPOSITORY_NAME_PATTERN,
  formatArn,
  partitionOf,
} from '@ecr-kit/ecr-standard';

/**
 * The parts of an ECR repository ARN.
 *
 * @public
 */
export interface RepositoryArn {
  readonly arn: string;
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  readonly repositoryName: string;
}

/**
 * The longest repository ARN the API takes: a longer value is refused before it is parsed.
 *
 * @public
 */
export const MAX_REPOSITORY_ARN_LENGTH = 2048;

const ARN_PATTERN =
  /^arn:(aws(?:-[a-z]+)*):ecr:([a-z]{2,4}(?:-[a-z]+)+-\d+):(\d{12}):repository\/(.+)$/;

/**
 * Thrown for a string that is not an ECR repository ARN; the message says why and how to fix it.
 *
 * @public
 */
export class InvalidRepositoryArnError extends Error {
  constructor(
    readonly value: string,
    detail = 'expected arn:aws:ecr:<region>:<12-digit account id>:repository/<name>',
  ) {
    // A bad value is echoed at most 120 characters long: errors stay small.
    const shown = value.length > 120 ? `${value.slice(0, 120)}…` : value;
    super(`"${shown}" is not an ECR repository ARN; ${detail}`);
    this.name = 'InvalidRepositoryArnError';
  }
}

/**
 * Parses an ECR repository ARN, or throws {@link InvalidRepositoryArnError}. The name follows
 * ECR's naming rule and the Region must belong to the ARN's partition (`arn:aws-us-gov:` needs
 * a `us-gov-*` Region), so a GovCloud or China ARN never reaches a commercial registry.
 *
 * @public
 */
export function parseRepositoryArn(value: string): RepositoryArn {
  const arn = value.trim();
  const match =
    arn.length <= MAX_REPOSITORY_ARN_LENGTH ? ARN_PATTERN.exec(arn) : null;
  if (!match || !REPOSITORY_NAME_PATTERN.test(match[4])) {
    throw new InvalidRepositoryArnError(value);
  }
  const [, partition, region, accountId, repositoryName] = match;
  const expected = partitionOf(region).id;
  if (partition !== expected) {
    throw new InvalidRepositoryArnError(
      value,
      `Region ${region} is in partition ${expected}, so the ARN must start arn:${expected}:`,
    );
  }
  return { arn, partition, region, accountId, repositoryName };
}

/**
 * Builds the ARN of a repository (in its Region's partition).
 *
 * @public
 */
export function formatRepositoryArn(
  parts: Omit<RepositoryArn, 'arn' | 'partition'>,
): string {
  return formatArn({
    service: 'ecr',
    region: parts.region,
    accountId: parts.accountId,
    resource: `repository/${parts.repositoryName}`,
  });
}
