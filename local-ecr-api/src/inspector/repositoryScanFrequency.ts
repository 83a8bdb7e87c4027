import type { Registry } from '../Registry';
import { scanSettings } from '../simulation/scanning';
import type { EcrScanFrequency } from './types';

/**
 * The enhanced-scanning frequency of a repository: the registry's rules only (Inspector
 * ignores the repository-level `scanOnPush` of basic scanning).
 */
export function repositoryScanFrequency(
  registry: Registry,
  repositoryName: string,
): EcrScanFrequency {
  return scanSettings(registry, { repositoryName, scanOnPush: false })
    .frequency;
}
