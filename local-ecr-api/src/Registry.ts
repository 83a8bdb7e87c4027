/** A repository as the local ECR API stores it. Timestamps are epoch seconds, as on the wire. */
export interface RepositoryRecord {
  repositoryName: string;
  createdAt: number;
  imageTagMutability:
    | 'MUTABLE'
    | 'IMMUTABLE'
    | 'IMMUTABLE_WITH_EXCLUSION'
    | 'MUTABLE_WITH_EXCLUSION';
  imageTagMutabilityExclusionFilters?: {
    filterType: 'WILDCARD';
    filter: string;
  }[];
  scanOnPush: boolean;
  encryptionType: 'AES256' | 'KMS' | 'KMS_DSSE';
  kmsKey?: string;
  tags: { Key: string; Value: string }[];
}

/** One (account, region) registry. */
export class Registry {
  readonly repositories = new Map<string, RepositoryRecord>();

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  repositoryArn(name: string): string {
    return `arn:aws:ecr:${this.region}:${this.accountId}:repository/${name}`;
  }

  repositoryUri(name: string): string {
    return `${this.accountId}.dkr.ecr.${this.region}.amazonaws.com/${name}`;
  }
}

/** Every registry of the local ECR API, one per (account, region), created on first use. */
export class RegistryStore {
  private readonly registries = new Map<string, Registry>();

  get(accountId: string, region: string): Registry {
    const key = `${accountId}/${region}`;
    let registry = this.registries.get(key);
    if (!registry) {
      registry = new Registry(accountId, region);
      this.registries.set(key, registry);
    }
    return registry;
  }
}
