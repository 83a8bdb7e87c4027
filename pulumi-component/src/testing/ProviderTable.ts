/** Where a provider's resources go: the account of its credentials and its Region. */
export interface ProviderTarget {
  readonly accountId: string;
  readonly region: string;
}

function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * The `aws` providers a program registers, by the id the harness gave them. A provider's
 * account is the one it is pinned to (`allowedAccountIds`), else that of the role it assumes,
 * else the default account: what `sts:GetCallerIdentity` would answer for its credentials.
 */
export class ProviderTable {
  private readonly targets = new Map<string, ProviderTarget>();

  constructor(private readonly fallback: ProviderTarget) {}

  /** Records a provider from its mock inputs; returns its target. */
  add(id: string, inputs: Record<string, unknown>): ProviderTarget {
    const allowed = parsed(inputs.allowedAccountIds);
    const roles = parsed(inputs.assumeRoles);
    const roleArn = Array.isArray(roles)
      ? (roles[0] as { roleArn?: string } | undefined)?.roleArn
      : undefined;
    const accountId =
      (Array.isArray(allowed)
        ? (allowed[0] as string | undefined)
        : undefined) ??
      /^arn:[^:]+:iam::(\d{12}):/.exec(roleArn ?? '')?.[1] ??
      this.fallback.accountId;
    const target = {
      accountId,
      region:
        typeof inputs.region === 'string'
          ? inputs.region
          : this.fallback.region,
    };
    this.targets.set(id, target);
    return target;
  }

  /** The target of a resource's provider reference (`<urn>::<id>`), default provider included. */
  target(reference: string | undefined): ProviderTarget {
    if (!reference) return this.fallback;
    const id = reference.slice(reference.lastIndexOf('::') + 2);
    const target = this.targets.get(id);
    // A default provider (`…::default_7_48_0::…`) has the default account and Region.
    return target ?? this.fallback;
  }
}
