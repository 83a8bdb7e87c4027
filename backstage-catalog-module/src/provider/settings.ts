import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { ENTITY_REF_TAG } from '@ecr-kit/ecr-standard';

/** The config key of the provider. */
export const PROVIDER_CONFIG_KEY = 'ecr.entityProvider';

/**
 * One account and its Regions to discover.
 *
 * @public
 */
export interface DiscoveryTarget {
  readonly accountId: string;
  readonly regions: readonly string[];
}

/**
 * Repository tag keys the entity is built from.
 *
 * @public
 */
export interface RepositoryTagKeys {
  readonly entityRef: string;
  readonly owner: string;
  readonly system: string;
}

/**
 * What the provider discovers and how it maps repositories to entities.
 *
 * @public
 */
export interface EcrEntityProviderSettings {
  readonly targets: readonly DiscoveryTarget[];
  readonly tagKeys: RepositoryTagKeys;
  readonly defaultOwner: string;
  readonly namespace: string;
}

/**
 * Defaults: the entity-ref tag is the one the Pulumi component and the scaffolder write.
 *
 * @public
 */
export const DEFAULT_TAG_KEYS: RepositoryTagKeys = {
  entityRef: ENTITY_REF_TAG,
  owner: 'owner',
  system: 'system',
};

/** @public */
export const DEFAULT_OWNER = 'unowned';

export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 15 },
};

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * Reads `ecr.entityProvider`; `undefined` when it is not configured.
 *
 * @public
 */
export function readProviderSettings(
  config: Config,
): EcrEntityProviderSettings | undefined {
  const provider = config.getOptionalConfig(PROVIDER_CONFIG_KEY);
  if (!provider) return undefined;
  const targets = (provider.getOptionalConfigArray('targets') ?? []).map(
    (target, index) => {
      const key = `${PROVIDER_CONFIG_KEY}.targets[${index}]`;
      const accountId = target.getString('accountId');
      if (!ACCOUNT_ID.test(accountId)) {
        throw new Error(
          `${key}.accountId "${accountId}" is not an AWS account id; use the 12-digit id, quoted in YAML (e.g. '111122223333')`,
        );
      }
      const regions = target.getStringArray('regions');
      const bad = regions.find(region => !REGION.test(region));
      if (regions.length === 0 || bad !== undefined) {
        throw new Error(
          `${key}.regions must list AWS Regions such as eu-west-1${bad === undefined ? '' : `; "${bad}" is not one`}`,
        );
      }
      return { accountId, regions };
    },
  );
  if (targets.length === 0) {
    throw new Error(
      `${PROVIDER_CONFIG_KEY}.targets is empty; list the accounts and Regions to discover, e.g. targets: [{ accountId: '111122223333', regions: [eu-west-1] }], or remove ${PROVIDER_CONFIG_KEY}`,
    );
  }
  const tagKeys = provider.getOptionalConfig('tagKeys');
  return {
    targets,
    tagKeys: {
      entityRef:
        tagKeys?.getOptionalString('entityRef') ?? DEFAULT_TAG_KEYS.entityRef,
      owner: tagKeys?.getOptionalString('owner') ?? DEFAULT_TAG_KEYS.owner,
      system: tagKeys?.getOptionalString('system') ?? DEFAULT_TAG_KEYS.system,
    },
    defaultOwner: provider.getOptionalString('defaultOwner') ?? DEFAULT_OWNER,
    namespace: provider.getOptionalString('namespace') ?? 'default',
  };
}

/** The provider's schedule from `ecr.entityProvider.schedule`, with the defaults. */
export function readProviderSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const schedule = config.getOptionalConfig(`${PROVIDER_CONFIG_KEY}.schedule`);
  return schedule
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule)
    : DEFAULT_SCHEDULE;
}
