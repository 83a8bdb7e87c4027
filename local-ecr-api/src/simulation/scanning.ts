import type { ImageRecord, RepositoryRecord, ScanRecord } from '../model';
import { MEDIA_TYPES } from '../mediaTypes';
import { wildcardMatch } from '../policies/wildcardMatch';
import type { Registry } from '../Registry';

type Frequency = 'SCAN_ON_PUSH' | 'CONTINUOUS_SCAN' | 'MANUAL';

/**
 * ECR's scanning filter match: a filter without `*` matches every name that contains it;
 * with `*`, each `*` stands for zero or more characters of the whole name (ECR User Guide,
 * "Scan images for software vulnerabilities", filters).
 */
export function scanFilterMatches(filter: string, name: string): boolean {
  return filter.includes('*')
    ? wildcardMatch(filter, name)
    : name.includes(filter);
}

/**
 * How a repository is scanned: the registry's scanning rules when one's filters match
 * (continuous wins over scan-on-push where both match), else — with basic scanning — the
 * repository's own `scanOnPush`; otherwise MANUAL (not scanned).
 */
export function scanSettings(
  registry: Registry,
  repository: Pick<RepositoryRecord, 'repositoryName' | 'scanOnPush'>,
): {
  frequency: Frequency;
  filters: { filter: string; filterType: 'WILDCARD' }[];
} {
  for (const frequency of ['CONTINUOUS_SCAN', 'SCAN_ON_PUSH'] as const) {
    const filters = registry.settings.scanningRules
      .filter(rule => rule.scanFrequency === frequency)
      .flatMap(rule => rule.repositoryFilters)
      .filter(f => scanFilterMatches(f.filter, repository.repositoryName));
    if (filters.length > 0) return { frequency, filters };
  }
  if (registry.settings.scanType === 'BASIC' && repository.scanOnPush) {
    return { frequency: 'SCAN_ON_PUSH', filters: [] };
  }
  return { frequency: 'MANUAL', filters: [] };
}

const UNSUPPORTED = new Set<string>([
  MEDIA_TYPES.helmChart,
  MEDIA_TYPES.cosignSignature,
  MEDIA_TYPES.notarySignature,
  MEDIA_TYPES.spdxSbom,
  MEDIA_TYPES.cyclonedxSbom,
  MEDIA_TYPES.inTotoAttestation,
]);

/**
 * The scan a newly stored image gets: none unless its repository is scanned on push or
 * continuously; an index is never scanned itself (its platform images are); artifacts that
 * are not container images are UNSUPPORTED_IMAGE. Findings come from what is known of the
 * image (an upstream image's seeded findings), else none.
 */
export function scanOnArrival(
  registry: Registry,
  repository: RepositoryRecord,
  image: ImageRecord,
  known: ScanRecord | undefined,
  now: number,
): ScanRecord | undefined {
  if (image.manifests) return undefined;
  if (scanSettings(registry, repository).frequency === 'MANUAL')
    return undefined;
  if (image.artifactMediaType && UNSUPPORTED.has(image.artifactMediaType)) {
    return {
      status: 'UNSUPPORTED_IMAGE',
      description:
        'The operating system and/or package manager are not supported.',
      findings: [],
    };
  }
  const enhanced = registry.settings.scanType === 'ENHANCED';
  return {
    status: enhanced ? 'ACTIVE' : 'COMPLETE',
    description: enhanced
      ? 'Continuous scan is selected for image.'
      : 'The scan was completed successfully.',
    completedAt: now,
    vulnerabilitySourceUpdatedAt: now,
    findings: (known?.findings ?? []).filter(
      f => enhanced || f.severity !== 'UNTRIAGED',
    ),
  };
}
