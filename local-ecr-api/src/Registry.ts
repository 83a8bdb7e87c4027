import type { RegistrySettings, RepositoryRecord } from './model';

/** One (account, region) registry. */
export class Registry {
  readonly repositories = new Map<string, RepositoryRecord>();
  readonly settings: RegistrySettings = {
    scanType: 'BASIC',
    basicScanFlavor: 'aws-native',
    scanningRules: [],
    replicationRules: [],
    pullThroughCacheRules: [],
  };

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

  /** Whether DescribeImages carries scan status and counts (legacy basic scanning only). */
  describeImagesCarriesScans(): boolean {
    return (
      this.settings.scanType === 'BASIC' &&
      this.settings.basicScanFlavor === 'legacy'
    );
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

  all(): Registry[] {
    return [...this.registries.values()];
  }
}
