import { partitionOf } from '@ecr-kit/ecr-standard';
import { EcrApiError } from '../EcrApiError';
import type {
  ImageRecord,
  RepositoryRecord,
  ReplicationStatusRecord,
} from '../model';
import type { Registry } from '../Registry';
import { accountRoot } from '../world/Callers';
import type { World } from '../world/OperationContext';
import { registryPolicyAllowsAccount } from './authorize';
import {
  RepositoryCreationFailure,
  createFromTemplate,
} from './creationTemplates';
import { storeImage } from './storeImage';

/**
 * The `failureCode`s this simulator reports. The ECR model leaves the member a free string
 * and AWS does not document its values, so these names are the simulator's own.
 */
export const REPLICATION_FAILURES = {
  permission: 'REPLICATION_NOT_PERMITTED',
  creation: 'REPOSITORY_CREATION_FAILED',
  immutableTag: 'IMAGE_TAG_IMMUTABLE',
  partition: 'CROSS_PARTITION_NOT_SUPPORTED',
  referenced: 'REFERENCED_IMAGES_MISSING',
} as const;

/** Destinations of the rules whose filters match `repositoryName`, each once. */
export function destinationsFor(
  registry: Registry,
  repositoryName: string,
): { region: string; registryId: string }[] {
  const seen = new Map<string, { region: string; registryId: string }>();
  for (const rule of registry.settings.replicationRules) {
    const filters = rule.repositoryFilters ?? [];
    if (
      filters.length > 0 &&
      !filters.some(f => repositoryName.startsWith(f.filter))
    ) {
      continue;
    }
    for (const d of rule.destinations)
      seen.set(`${d.registryId}/${d.region}`, d);
  }
  return [...seen.values()];
}

/**
 * Replicates `images` (an image and, for an index, its platform manifests first) pushed to
 * `repository` of `source`, as ECR does after a push: to each destination of a matching rule;
 * to another account only if that registry's policy lets the source account ReplicateImage
 * (and CreateRepository when the repository is missing), creating missing repositories from
 * the destination's REPLICATION template (registry-permissions-create-replication). Images
 * that arrived by replication are not replicated again. Records the outcome per destination
 * on the source image, for DescribeImageReplicationStatus.
 */
export function replicate(
  world: World,
  source: Registry,
  repository: RepositoryRecord,
  tagged: ImageRecord,
  tag: string | undefined,
  platformImages: readonly ImageRecord[],
  now: number,
): void {
  const statuses: ReplicationStatusRecord[] = [];
  for (const destination of destinationsFor(
    source,
    repository.repositoryName,
  )) {
    const status = (failureCode?: string): ReplicationStatusRecord => ({
      region: destination.region,
      registryId: destination.registryId,
      status: failureCode ? 'FAILED' : 'COMPLETE',
      ...(failureCode ? { failureCode } : {}),
    });
    if (partitionOf(destination.region).id !== partitionOf(source.region).id) {
      statuses.push(status(REPLICATION_FAILURES.partition));
      continue;
    }
    const target = world.store.get(destination.registryId, destination.region);
    const crossAccount = destination.registryId !== source.accountId;
    const repositoryArn = target.repositoryArn(repository.repositoryName);
    const sourcePrincipal = accountRoot(source.accountId, source.region);
    const allowed = (action: string) =>
      !crossAccount ||
      registryPolicyAllowsAccount(
        target,
        source.accountId,
        sourcePrincipal,
        action,
        repositoryArn,
      );
    let copy = target.repositories.get(repository.repositoryName);
    if (
      !allowed('ecr:ReplicateImage') ||
      (!copy && !allowed('ecr:CreateRepository'))
    ) {
      statuses.push(status(REPLICATION_FAILURES.permission));
      continue;
    }
    try {
      copy ??= createFromTemplate(
        target,
        world,
        repository.repositoryName,
        'REPLICATION',
        now,
      );
    } catch (error) {
      if (!(error instanceof RepositoryCreationFailure)) throw error;
      statuses.push(status(REPLICATION_FAILURES.creation));
      continue;
    }
    try {
      for (const image of [...platformImages, tagged]) {
        const tags = image === tagged && tag ? [tag] : [undefined];
        for (const t of tags) {
          const present = copy.images.get(image.imageDigest);
          if (present && (t === undefined || present.imageTags.includes(t)))
            continue;
          const stored = storeImage(
            target,
            copy,
            { ...image, knownScan: image.scan },
            t,
            now,
          );
          stored.replicated = true;
        }
      }
      statuses.push(status());
    } catch (error) {
      if (!(error instanceof EcrApiError)) throw error;
      statuses.push(
        status(
          error.type === 'ImageTagAlreadyExistsException'
            ? REPLICATION_FAILURES.immutableTag
            : REPLICATION_FAILURES.referenced,
        ),
      );
    }
  }
  if (statuses.length > 0) tagged.replicationStatuses = statuses;
}
