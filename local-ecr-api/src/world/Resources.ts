/**
 * A Secrets Manager secret holding upstream registry credentials.
 *
 * @public
 */
export interface SecretRecord {
  readonly arn: string;
  /** Whether the upstream registry accepts the credentials it holds. */
  readonly valid: boolean;
}

/**
 * Resources of other services that ECR checks: Secrets Manager secrets (pull-through-cache
 * credentials) and KMS keys (repository encryption). They are declared in the seed or added
 * by a test (or the Pulumi harness); nothing else about those services is modelled.
 *
 * @public
 */
export class Resources {
  private readonly secrets = new Map<string, SecretRecord>();
  private readonly kmsKeys = new Set<string>();

  putSecret(arn: string, valid = true): void {
    this.secrets.set(arn, { arn, valid });
  }

  deleteSecret(arn: string): void {
    this.secrets.delete(arn);
  }

  secret(arn: string): SecretRecord | undefined {
    return this.secrets.get(arn);
  }

  putKmsKey(arn: string): void {
    this.kmsKeys.add(arn);
  }

  hasKmsKey(arn: string): boolean {
    return this.kmsKeys.has(arn);
  }
}
