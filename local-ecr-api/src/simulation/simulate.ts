import { createHash } from 'node:crypto';
import { EcrApiError } from '../EcrApiError';
import { batchGetImage } from '../imageOperations';
import { putImage } from '../imageWriteOperations';
import { MEDIA_TYPES } from '../mediaTypes';
import type { ReplicationStatusRecord } from '../model';
import { repositoryShape, type RepositoryShape } from '../repositoryOperations';
import { accountRoot, type Caller, type Callers } from '../world/Callers';
import type { OperationContext, World } from '../world/OperationContext';

/**
 * Who acts in a simulated pull or push: an access key of the seed, or a principal.
 *
 * @public
 */
export interface Actor {
  /** An access key id known to the server (its principal and account are used). */
  readonly accessKeyId?: string;
  /** IAM principal ARN; default: the registry account's root. */
  readonly principalArn?: string;
  /** Account of `principalArn`; default: the registry's account. */
  readonly principalAccountId?: string;
  /** Actions the principal's identity policies allow (default: none for a named principal). */
  readonly identityAllows?: readonly string[];
}

/** @public */
export interface PullRequest extends Actor {
  readonly accountId: string;
  readonly region: string;
  readonly repositoryName: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** @public */
export interface PullResult {
  readonly imageDigest: string;
  readonly imageManifestMediaType: string;
  readonly repository: RepositoryShape;
}

/** @public */
export interface PushRequest extends Actor {
  readonly accountId: string;
  readonly region: string;
  readonly repositoryName: string;
  readonly tag?: string;
  /** A manifest to push as is; by default one is generated. */
  readonly manifest?: string;
  /** Push a multi-platform index over these platforms (`linux/amd64`, …), children first. */
  readonly platforms?: readonly string[];
  /** Makes the generated manifest differ between pushes of the same tag. */
  readonly revision?: string;
}

/** @public */
export interface PushResult {
  readonly imageDigest: string;
  readonly replicationStatuses: readonly ReplicationStatusRecord[];
}

/** A simulated pull or push that ECR refuses. */
export class SimulationError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SimulationError';
  }
}

/**
 * What `docker pull` / `docker push` do against ECR, played out on the simulator.
 *
 * @public
 */
export interface Simulation {
  pull(request: PullRequest): PullResult;
  push(request: PushRequest): PushResult;
}

function digestOf(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** A small, deterministic OCI image manifest for `seed`. */
export function generatedManifest(seed: string): string {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociManifest,
    config: {
      mediaType: MEDIA_TYPES.ociImageConfig,
      digest: digestOf(`${seed}/config`),
      size: 1_200,
    },
    layers: [
      {
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: digestOf(`${seed}/layer`),
        size:
          30_000_000 + (parseInt(digestOf(seed).slice(7, 13), 16) % 9_000_000),
      },
    ],
  });
}

export function createSimulation(
  world: World,
  callers: Callers,
  now: () => number,
): Simulation {
  function contextFor(request: PullRequest | PushRequest): OperationContext {
    const caller: Caller = request.accessKeyId
      ? callers.resolve(request.accessKeyId, request.region)
      : {
          accessKeyId: 'simulated',
          accountId: request.principalAccountId ?? request.accountId,
          region: request.region,
          principalArn:
            request.principalArn ??
            accountRoot(
              request.principalAccountId ?? request.accountId,
              request.region,
            ),
          identityAllows:
            request.identityAllows ?? (request.principalArn ? [] : ['*']),
        };
    return {
      registry: world.store.get(request.accountId, request.region),
      caller,
      world,
      now: now(),
    };
  }

  function asSimulationError(error: unknown): never {
    if (error instanceof EcrApiError)
      throw new SimulationError(error.type, error.message);
    throw error;
  }

  return {
    pull(request) {
      const context = contextFor(request);
      const id = request.digest
        ? { imageDigest: request.digest }
        : { imageTag: request.tag ?? 'latest' };
      let result: { images: unknown[]; failures: unknown[] };
      try {
        result = batchGetImage(
          context.registry,
          { repositoryName: request.repositoryName, imageIds: [id] },
          context,
        );
      } catch (error) {
        asSimulationError(error);
      }
      const failure = result.failures[0] as
        { failureCode: string; failureReason: string } | undefined;
      if (failure)
        throw new SimulationError(failure.failureCode, failure.failureReason);
      const image = result.images[0] as {
        imageId: { imageDigest: string };
        imageManifestMediaType: string;
      };
      const repository = context.registry.repositories.get(
        request.repositoryName,
      )!;
      return {
        imageDigest: image.imageId.imageDigest,
        imageManifestMediaType: image.imageManifestMediaType,
        repository: repositoryShape(context.registry, repository),
      };
    },
    push(request) {
      const context = contextFor(request);
      const seed = `${request.accountId}/${request.region}/${request.repositoryName}/${request.tag ?? ''}/${request.revision ?? ''}`;
      const send = (manifest: string, tag?: string) => {
        try {
          return putImage(
            context.registry,
            {
              repositoryName: request.repositoryName,
              imageManifest: manifest,
              ...(tag ? { imageTag: tag } : {}),
            },
            context,
          ).image.imageId.imageDigest;
        } catch (error) {
          return asSimulationError(error);
        }
      };
      let manifest = request.manifest;
      if (!manifest && request.platforms?.length) {
        const children = request.platforms.map(platform => {
          const child = generatedManifest(`${seed}/${platform}`);
          const existing = context.registry.repositories.get(
            request.repositoryName,
          );
          const digest = digestOf(child);
          if (!existing?.images.has(digest)) send(child);
          const [os, architecture, variant] = platform.split('/');
          return {
            mediaType: MEDIA_TYPES.ociManifest,
            digest,
            size: Buffer.byteLength(child),
            platform: { os, architecture, ...(variant ? { variant } : {}) },
          };
        });
        manifest = JSON.stringify({
          schemaVersion: 2,
          mediaType: MEDIA_TYPES.ociIndex,
          manifests: children,
        });
      }
      const digest = send(manifest ?? generatedManifest(seed), request.tag);
      const image = context.registry.repositories
        .get(request.repositoryName)!
        .images.get(digest)!;
      return {
        imageDigest: digest,
        replicationStatuses: image.replicationStatuses ?? [],
      };
    },
  };
}
