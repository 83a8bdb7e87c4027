import type { EcrRepositorySummary } from '@ecr-kit/backstage-plugin-ecr-common';

/** One compliance signal of a repository. `on: false` means the platform default is not met. */
export interface RepositoryBadge {
  readonly key: string;
  readonly label: string;
  readonly on: boolean;
  readonly detail?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The settings a platform team checks, each said plainly whether it is on or off. */
export function repositoryBadges(
  repository: EcrRepositorySummary,
): RepositoryBadge[] {
  const { tagMutability, scanning, encryption, lifecyclePolicy } = repository;
  const exclusions = tagMutability.exclusionFilters.length;
  const tags: RepositoryBadge = {
    IMMUTABLE: { label: 'Immutable tags', on: true },
    IMMUTABLE_WITH_EXCLUSION: {
      label: `Immutable tags (${plural(exclusions, 'exception')})`,
      on: true,
    },
    MUTABLE: { label: 'Immutable tags: off', on: false },
    MUTABLE_WITH_EXCLUSION: {
      label: `Immutable tags: off (${plural(exclusions, 'protected pattern')})`,
      on: false,
    },
  }[tagMutability.mode] as RepositoryBadge;

  let scan: Omit<RepositoryBadge, 'key'>;
  if (scanning.type === 'ENHANCED') {
    scan = {
      label: 'Enhanced scanning',
      on: true,
      detail: scanning.continuous
        ? 'Amazon Inspector, continuous'
        : 'Amazon Inspector, on push',
    };
  } else if (scanning.type === 'BASIC') {
    scan = scanning.scanOnPush
      ? { label: 'Scan on push', on: true, detail: 'Basic scanning' }
      : { label: 'Scan on push: off', on: false, detail: 'Basic scanning' };
  } else {
    scan = { label: 'Scanning: unknown', on: false };
  }

  return [
    { ...tags, key: 'tags', detail: tagMutability.exclusionFilters.join(', ') },
    { ...scan, key: 'scanning' },
    {
      key: 'encryption',
      label: `Encryption: ${encryption.type === 'AES256' ? 'AES256' : 'KMS'}`,
      on: true,
      detail: encryption.kmsKey,
    },
    lifecyclePolicy.present
      ? {
          key: 'lifecycle',
          label: `Lifecycle policy (${plural(lifecyclePolicy.rules.length, 'rule')})`,
          on: true,
          detail: lifecyclePolicy.rules.join('; '),
        }
      : { key: 'lifecycle', label: 'Lifecycle policy: none', on: false },
    repository.repositoryPolicyPresent
      ? { key: 'policy', label: 'Repository policy', on: true }
      : { key: 'policy', label: 'Repository policy: none', on: false },
  ];
}
