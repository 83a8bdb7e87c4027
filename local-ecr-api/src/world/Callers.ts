import { formatArn, partitionOf } from '@ecr-kit/ecr-standard';
import { EcrApiError } from '../EcrApiError';

/** Who sends a request: resolved from the SigV4 access key id and credential scope. */
export interface Caller {
  readonly accessKeyId: string;
  readonly accountId: string;
  readonly region: string;
  /** IAM principal, e.g. `arn:aws:iam::111122223333:role/ci`; the account root by default. */
  readonly principalArn: string;
  /**
   * Actions the caller's identity-based policies allow (IAM wildcards). IAM itself is not
   * modelled: this list stands in for them; the account root (default) allows `*`.
   */
  readonly identityAllows: readonly string[];
}

/**
 * A principal an access key stands for, as declared in a fixture or option.
 *
 * @public
 */
export interface PrincipalSpec {
  readonly accountId: string;
  readonly arn?: string;
  readonly allow?: readonly string[];
}

/** Maps access key ids to callers. */
export class Callers {
  private readonly principals = new Map<string, PrincipalSpec>();

  constructor(private readonly defaultAccountId?: string) {}

  /** Declares that `accessKeyId` belongs to `principal` (or just to an account). */
  add(accessKeyId: string, principal: PrincipalSpec | string): void {
    this.principals.set(
      accessKeyId,
      typeof principal === 'string' ? { accountId: principal } : principal,
    );
  }

  /** The caller behind `accessKeyId`, or ECR's error for an unknown key. */
  resolve(accessKeyId: string, region: string): Caller {
    const spec =
      this.principals.get(accessKeyId) ??
      (this.defaultAccountId
        ? { accountId: this.defaultAccountId }
        : undefined);
    if (!spec) {
      throw new EcrApiError(
        'UnrecognizedClientException',
        'The security token included in the request is invalid.',
        403,
      );
    }
    return {
      accessKeyId,
      accountId: spec.accountId,
      region,
      principalArn: spec.arn ?? accountRoot(spec.accountId, region),
      identityAllows: spec.allow ?? (spec.arn ? [] : ['*']),
    };
  }
}

/** `arn:<partition>:iam::<account>:root` in the partition of `region`. */
export function accountRoot(accountId: string, region: string): string {
  return formatArn({
    service: 'iam',
    region: '',
    accountId,
    resource: 'root',
    partition: partitionOf(region).id,
  });
}
