import type { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import type {
  EcrImage,
  EcrRepositorySummary,
} from '@ecr-kit/backstage-plugin-ecr-common';

/**
 * The facts of one entity, over every repository its ECR annotations name.
 *
 * @public
 */
export interface EcrEntityFacts {
  /** Every repository keeps its tags immutable (exclusions allowed). */
  ecrImmutableTags: boolean;
  /** Every repository is scanned on push (basic) or by enhanced scanning. */
  ecrScanOnPush: boolean;
  /** Every repository is in a registry with enhanced scanning. */
  ecrEnhancedScanning: boolean;
  /** The weakest encryption over the repositories: AES256, KMS or KMS_DSSE. */
  ecrEncryption: string;
  /** Every repository has a lifecycle policy. */
  ecrLifecyclePolicy: boolean;
  /** At least one repository has a repository policy. */
  ecrRepositoryPolicy: boolean;
  /** Critical findings of the newest image (absent while it has no scan result). */
  ecrNewestImageCritical?: number;
  /** High findings of the newest image (absent while it has no scan result). */
  ecrNewestImageHigh?: number;
  /** Whole days since the newest push (absent without images). */
  ecrDaysSinceLastPush?: number;
}

/**
 * The schema the fact retriever declares: one entry per {@link EcrEntityFacts} key.
 *
 * @public
 */
export const ECR_FACT_SCHEMA: FactRetriever['schema'] = {
  ecrImmutableTags: {
    type: 'boolean',
    description: 'Every repository keeps its tags immutable',
  },
  ecrScanOnPush: {
    type: 'boolean',
    description: 'Every repository is scanned on push or by enhanced scanning',
  },
  ecrEnhancedScanning: {
    type: 'boolean',
    description: 'Every repository is scanned by enhanced scanning',
  },
  ecrEncryption: {
    type: 'string',
    description:
      'The weakest encryption of the repositories (AES256, KMS, KMS_DSSE)',
  },
  ecrLifecyclePolicy: {
    type: 'boolean',
    description: 'Every repository has a lifecycle policy',
  },
  ecrRepositoryPolicy: {
    type: 'boolean',
    description: 'At least one repository has a repository policy',
  },
  ecrNewestImageCritical: {
    type: 'integer',
    description: 'Critical findings of the newest image',
  },
  ecrNewestImageHigh: {
    type: 'integer',
    description: 'High findings of the newest image',
  },
  ecrDaysSinceLastPush: {
    type: 'integer',
    description: 'Whole days since the newest image was pushed',
  },
};

/** Encryption types, weakest first. */
const ENCRYPTION_STRENGTH = ['AES256', 'KMS', 'KMS_DSSE'];
const DAY_MS = 24 * 3_600_000;

/**
 * The facts of an entity from its repositories and each one's newest image (as the ECR
 * backend serves them); `undefined` without repositories.
 *
 * @public
 */
export function entityFacts(
  repositories: readonly EcrRepositorySummary[],
  newestImages: readonly (EcrImage | undefined)[],
  now: number,
): EcrEntityFacts | undefined {
  if (repositories.length === 0) return undefined;
  const every = (test: (r: EcrRepositorySummary) => boolean) =>
    repositories.every(test);
  const newest = newestImages
    .filter((i): i is EcrImage => Boolean(i?.pushedAt))
    .sort((a, b) => Date.parse(b.pushedAt!) - Date.parse(a.pushedAt!))[0];
  const counts = newest?.scan?.counts;
  return {
    ecrImmutableTags: every(r => r.tagMutability.mode.startsWith('IMMUTABLE')),
    ecrScanOnPush: every(
      r => r.scanning.scanOnPush || r.scanning.type === 'ENHANCED',
    ),
    ecrEnhancedScanning: every(r => r.scanning.type === 'ENHANCED'),
    ecrEncryption: repositories
      .map(r => r.encryption.type)
      .sort(
        (a, b) =>
          ENCRYPTION_STRENGTH.indexOf(a) - ENCRYPTION_STRENGTH.indexOf(b),
      )[0],
    ecrLifecyclePolicy: every(r => r.lifecyclePolicy.present),
    ecrRepositoryPolicy: repositories.some(r => r.repositoryPolicyPresent),
    ...(counts
      ? {
          ecrNewestImageCritical: counts.CRITICAL ?? 0,
          ecrNewestImageHigh: counts.HIGH ?? 0,
        }
      : {}),
    ...(newest
      ? {
          ecrDaysSinceLastPush: Math.floor(
            (now - Date.parse(newest.pushedAt!)) / DAY_MS,
          ),
        }
      : {}),
  };
}
