/**
 * One way in which input breaks the ecr-kit standard or an Amazon ECR limit.
 *
 * @public
 */
export interface StandardViolation {
  /** Dotted path of the offending input, e.g. `lifecycle.rules[1].tagPrefixList`. */
  readonly field: string;
  /** What is wrong. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
}

/**
 * Thrown when input breaks the standard. The message lists every violation with its
 * field and fix, so a `pulumi preview` or a scaffolder run shows all problems at once.
 *
 * @public
 */
export class EcrStandardError extends Error {
  readonly violations: readonly StandardViolation[];

  constructor(subject: string, violations: readonly StandardViolation[]) {
    super(
      `${subject}: ${violations
        .map(v => `${v.field}: ${v.message}; ${v.fix}`)
        .join(' | ')}`,
    );
    this.name = 'EcrStandardError';
    this.violations = violations;
  }
}

/**
 * Throws an {@link EcrStandardError} when `violations` is not empty.
 *
 * @public
 */
export function throwIfViolations(
  subject: string,
  violations: readonly StandardViolation[],
): void {
  if (violations.length > 0) {
    throw new EcrStandardError(subject, violations);
  }
}
