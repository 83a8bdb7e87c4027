import { repositoryArn, repositoryUri } from '@ecr-kit/ecr-standard';
import type { RegistrySettings, RepositoryRecord } from './model';

/**
 * One (account, region) registry.
 *
 * @public
 */
export class Registry {
  readonly repositories = new Map<string, RepositoryRecord>();
  readonly settings: RegistrySettings = {
    scanType: 'BASIC',
    basicScanFlavor: 'aws-native',
    scanningRules: [],
    replicationRules: [],
    pullThroughCacheRules: [],
    creationTemplates: new Map(),
  };

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  /** The repository ARN in this registry's partition (`arn:aws-cn:` in China, …). */
  repositoryArn(name: string): string {
    return repositoryArn(this.accountId, this.region, name);
  }

  /** `docker pull` URI, with the partition's DNS suffix (`amazonaws.com.cn` in China). */
  repositoryUri(name: string): string {
    return repositoryUri(this.accountId, this.region, name);
  }

  /** Whether DescribeImages carries scan status and counts (legacy basic scanning only). */
  describeImagesCarriesScans(): boolean {
    return (
      this.settings.scanType === 'BASIC' &&
      this.settings.basicScanFlavor === 'legacy'
    );
  }
}

/**
 * Every registry of the local ECR API, one per (account, region), created on first use.
 *
 * @public
 */
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

  /** The registry if it has been used or seeded; never creates one. */
  find(accountId: string, region: string): Registry | undefined {
    return this.registries.get(`${accountId}/${region}`);
  }

  all(): Registry[] {
    return [...this.registries.values()];
  }
}
