import type { RepositorySettings } from './repositorySettings';

/**
 * The settings of an existing repository as Amazon ECR reports them.
 *
 * @public
 */
export interface ObservedRepositorySettings {
  readonly imageTagMutability: string;
  readonly exclusionFilters: readonly {
    readonly filter: string;
    readonly filterType: string;
  }[];
  readonly scanOnPush: boolean;
  /** `encryptionConfiguration.encryptionType`, e.g. `AES256`, `KMS` or `KMS_DSSE`. */
  readonly encryption: string;
  /** `encryptionConfiguration.kmsKey`; absent with AES256. */
  readonly kmsKey?: string;
  /** Lifecycle policy text; absent when the repository has none. */
  readonly lifecyclePolicy?: string;
  /** Repository policy text; absent when the repository has none. */
  readonly policy?: string;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * What the caller asked for beyond the resolved settings.
 *
 * @public
 */
export interface DesiredRepositoryExtras {
  /** KMS key the repository must use; absent = any key (e.g. the AWS managed `aws/ecr` key). */
  readonly kmsKeyArn?: string;
  /** Tags the repository must carry (the standard's tags are always required). */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * One setting in which an existing repository differs from the requested one.
 *
 * @public
 */
export interface RepositorySettingDifference {
  /** ECR setting name, e.g. `imageTagMutability` or `tags.team`. */
  readonly field: string;
  readonly expected: string;
  readonly actual: string;
}

/**
 * Compares an existing repository with the settings the standard resolved for a request,
 * and lists every difference. Tags the repository has beyond the requested ones are not
 * differences (teams add cost-allocation tags); policies compare by content, not by
 * formatting or statement order of principals and actions.
 *
 * @public
 */
export function diffRepositorySettings(
  desired: RepositorySettings,
  observed: ObservedRepositorySettings,
  extras: DesiredRepositoryExtras = {},
): RepositorySettingDifference[] {
  const differences: RepositorySettingDifference[] = [];
  const compare = (field: string, expected: string, actual: string) => {
    if (expected !== actual) differences.push({ field, expected, actual });
  };
  compare(
    'imageTagMutability',
    desired.imageTagMutability,
    observed.imageTagMutability,
  );
  compare(
    'imageTagMutabilityExclusionFilters',
    filterList(desired.exclusionFilters),
    filterList(observed.exclusionFilters),
  );
  compare(
    'scanOnPush',
    String(desired.scanOnPush),
    String(observed.scanOnPush),
  );
  compare('encryption', desired.encryption, observed.encryption);
  if (
    desired.encryption === 'KMS' &&
    observed.encryption === 'KMS' &&
    extras.kmsKeyArn !== undefined
  ) {
    compare('kmsKey', extras.kmsKeyArn, observed.kmsKey ?? 'none');
  }
  compare(
    'lifecyclePolicy',
    describePolicy(desired.lifecyclePolicy),
    describeObservedPolicy(desired.lifecyclePolicy, observed.lifecyclePolicy),
  );
  const desiredPolicy =
    desired.policy === undefined ? undefined : JSON.stringify(desired.policy);
  compare(
    'repositoryPolicy',
    describePolicy(desiredPolicy),
    describeObservedPolicy(desiredPolicy, observed.policy),
  );
  const tags = { ...extras.tags, ...desired.tags };
  for (const key of Object.keys(tags).sort()) {
    compare(
      `tags.${key}`,
      JSON.stringify(tags[key]),
      key in observed.tags ? JSON.stringify(observed.tags[key]) : 'missing',
    );
  }
  return differences;
}

function filterList(filters: ObservedRepositorySettings['exclusionFilters']) {
  const list = filters.map(f => `${f.filter} (${f.filterType})`).sort();
  return list.length > 0 ? list.join(', ') : 'none';
}

function describePolicy(text: string | undefined): string {
  return text === undefined ? 'none' : 'the policy from the inputs';
}

function describeObservedPolicy(
  desired: string | undefined,
  observed: string | undefined,
): string {
  if (observed === undefined) return 'none';
  if (desired !== undefined && samePolicy(desired, observed)) {
    return 'the policy from the inputs';
  }
  return 'a different policy';
}

/**
 * Whether two policy texts (lifecycle or IAM) say the same thing.
 *
 * @public
 */
export function samePolicy(a: string, b: string): boolean {
  try {
    return (
      JSON.stringify(canonical(JSON.parse(a))) ===
      JSON.stringify(canonical(JSON.parse(b)))
    );
  } catch {
    return a === b;
  }
}

// IAM stores a one-element list as a scalar and may reorder principals and actions.
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    if (items.length === 1) return items[0];
    return items.every(item => typeof item === 'string')
      ? [...(items as string[])].sort()
      : items;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map(key => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
