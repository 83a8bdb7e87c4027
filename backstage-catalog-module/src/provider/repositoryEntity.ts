import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  ECR_ARN_ANNOTATION,
  ECR_REPOSITORY_LABELS,
  ECR_REPOSITORY_RESOURCE_TYPE,
  ECR_REPOSITORY_URI_ANNOTATION,
  ecrConsoleLinks,
  parseRepositoryArn,
} from '@ecr-kit/backstage-plugin-ecr-common';
import { createHash } from 'node:crypto';
import type { DiscoveredRepository } from './discoverRepositories';
import type { EcrEntityProviderSettings } from './settings';

/** Longest entity name the catalog accepts. */
const MAX_NAME_LENGTH = 63;

/**
 * A stable, readable entity name: `<repository>-<account>-<region>` with every run of
 * characters an entity name cannot hold turned into `-`; over 63 characters, the
 * repository part is shortened and a hash of the ARN keeps names distinct.
 */
export function repositoryEntityName(
  repositoryName: string,
  accountId: string,
  region: string,
): string {
  const slug = (s: string) =>
    s.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const suffix = `-${accountId}-${region}`;
  const name = `${slug(repositoryName)}${suffix}`;
  if (name.length <= MAX_NAME_LENGTH) return name;
  const hash = createHash('sha256')
    .update(`${accountId}/${region}/${repositoryName}`)
    .digest('hex')
    .slice(0, 8);
  const room = MAX_NAME_LENGTH - suffix.length - hash.length - 1;
  return `${slug(repositoryName.slice(0, room))}-${hash}${suffix}`;
}

/** Lowercase, label-safe form of an ECR enum value: `IMMUTABLE_WITH_EXCLUSION` → `immutable-with-exclusion`. */
function labelValue(value: string): string {
  return value.toLowerCase().replace(/_/g, '-');
}

const validator = makeValidator();

/** A tag value as a full entity ref of `defaultKind`, or `undefined` when it is none. */
function tagRef(
  value: string | undefined,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const ref = parseEntityRef(value.trim(), { defaultKind, defaultNamespace });
    const valid =
      validator.isValidKind(ref.kind) &&
      validator.isValidNamespace(ref.namespace) &&
      validator.isValidEntityName(ref.name);
    return valid ? stringifyEntityRef(ref) : undefined;
  } catch {
    return undefined;
  }
}

/** What became of a repository's tags, for the provider's log. */
export interface RepositoryEntityResult {
  readonly entity: Entity;
  /** Tags whose values are no entity reference (left out, the default used). */
  readonly invalidTags: string[];
}

/**
 * The catalog `Resource` of one repository: its ARN in the ECR plugin's annotation (so the
 * ECR tab works on it too), the settings DescribeRepositories returns as labels, owner and
 * system from tags, and `dependencyOf` the entity its entity-ref tag names.
 */
export function repositoryEntity(
  discovered: DiscoveredRepository,
  settings: EcrEntityProviderSettings,
  providerName: string,
): RepositoryEntityResult {
  const { repository, tags, accountId, region } = discovered;
  const name = repository.repositoryName ?? '';
  const arn = parseRepositoryArn(
    repository.repositoryArn ??
      `arn:aws:ecr:${region}:${accountId}:repository/${name}`,
  );
  const { namespace, tagKeys } = settings;
  const invalidTags: string[] = [];
  const fromTag = (key: string, kind: string) => {
    const ref = tagRef(tags[key], kind, namespace);
    if (tags[key] !== undefined && ref === undefined) invalidTags.push(key);
    return ref;
  };
  const owner = fromTag(tagKeys.owner, 'group');
  const system = fromTag(tagKeys.system, 'system');
  const dependencyOf = fromTag(tagKeys.entityRef, 'component');
  const location = `${providerName}:${arn.arn}`;
  const console = ecrConsoleLinks(arn).repository;
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: repositoryEntityName(name, accountId, region),
      namespace,
      title: name,
      description: `Amazon ECR repository ${name} in account ${accountId} (${region})`,
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [ECR_ARN_ANNOTATION]: arn.arn,
        [ECR_REPOSITORY_URI_ANNOTATION]: repository.repositoryUri ?? '',
      },
      labels: {
        [ECR_REPOSITORY_LABELS.accountId]: accountId,
        [ECR_REPOSITORY_LABELS.region]: region,
        [ECR_REPOSITORY_LABELS.tagMutability]: labelValue(
          repository.imageTagMutability ?? 'MUTABLE',
        ),
        [ECR_REPOSITORY_LABELS.scanOnPush]: String(
          Boolean(repository.imageScanningConfiguration?.scanOnPush),
        ),
        [ECR_REPOSITORY_LABELS.encryption]: labelValue(
          repository.encryptionConfiguration?.encryptionType ?? 'AES256',
        ),
        [ECR_REPOSITORY_LABELS.unowned]: String(owner === undefined),
      },
      ...(console
        ? { links: [{ url: console, title: 'Amazon ECR console' }] }
        : {}),
    },
    spec: {
      type: ECR_REPOSITORY_RESOURCE_TYPE,
      owner: owner ?? settings.defaultOwner,
      ...(system ? { system } : {}),
      ...(dependencyOf ? { dependencyOf: [dependencyOf] } : {}),
    },
  };
  return { entity, invalidTags };
}
