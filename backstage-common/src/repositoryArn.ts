/** The parts of an ECR repository ARN. */
export interface RepositoryArn {
  readonly arn: string;
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  readonly repositoryName: string;
}

const ARN_PATTERN =
  /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]|aws-eusc):ecr:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):repository\/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)$/;

/** Thrown for a string that is not an ECR repository ARN; the message says why and how to fix it. */
export class InvalidRepositoryArnError extends Error {
  constructor(readonly value: string) {
    super(
      `"${value}" is not an ECR repository ARN; expected arn:aws:ecr:<region>:<12-digit account id>:repository/<name>`,
    );
    this.name = 'InvalidRepositoryArnError';
  }
}

/** Parses an ECR repository ARN, or throws {@link InvalidRepositoryArnError}. */
export function parseRepositoryArn(value: string): RepositoryArn {
  const arn = value.trim();
  const match = ARN_PATTERN.exec(arn);
  if (!match || arn.length > 2048) {
    throw new InvalidRepositoryArnError(value);
  }
  const [, partition, region, accountId, repositoryName] = match;
  return { arn, partition, region, accountId, repositoryName };
}

/** Builds the ARN of a repository. */
export function formatRepositoryArn(parts: Omit<RepositoryArn, 'arn'>): string {
  return `arn:${parts.partition}:ecr:${parts.region}:${parts.accountId}:repository/${parts.repositoryName}`;
}
