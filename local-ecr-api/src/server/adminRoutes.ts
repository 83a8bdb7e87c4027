import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector, FaultRule } from '../FaultInjector';
import { imagesFromSpecs, upstreamImageSchema } from '../fixture';
import { SimulationError, type Simulation } from '../simulation/simulate';
import type { World } from '../world/OperationContext';
import { readBody, sendJson } from './httpIo';

interface AdminContext {
  readonly world: World;
  readonly simulate: Simulation;
  readonly faults: FaultInjector;
}

/** Thrown for a bad admin request; the message names the field. */
class AdminInputError extends Error {}

function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new AdminInputError(`"${name}" is required (a non-empty string)`);
  }
  return value;
}

/**
 * `/_local/…`: plays out what ECR does (pulls through the cache, pushes with replication) and
 * changes the simulated world (upstream tags, secrets, KMS keys, faults), for the CLI and for
 * tests in other processes. Bound, like the API, to 127.0.0.1 only.
 *
 *   POST /_local/pull      {accountId, region, repositoryName, tag|digest, principalArn?, …}
 *   POST /_local/push      {accountId, region, repositoryName, tag?, platforms?, manifest?, …}
 *   POST /_local/upstreams {url, repository, images: [fixture image, …]}
 *   POST /_local/secrets   {arn, valid?}      DELETE /_local/secrets {arn}
 *   POST /_local/kms-keys  {arn}
 *   POST /_local/faults    {fault rule}       DELETE /_local/faults
 *   GET  /_local/registries
 */
export async function handleAdminRequest(
  req: IncomingMessage,
  res: ServerResponse,
  { world, simulate, faults }: AdminContext,
): Promise<void> {
  const path = (req.url ?? '').split('?')[0];
  const reply = (status: number, body: unknown) =>
    sendJson(res, status, body, {});
  try {
    const text = req.method === 'GET' ? '' : await readBody(req);
    let body: Record<string, unknown> = {};
    if (text) {
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        throw new AdminInputError('the body must be a JSON object');
      }
    }
    const route = `${req.method} ${path}`;
    switch (route) {
      case 'POST /_local/pull':
        return reply(200, simulate.pull(body as never));
      case 'POST /_local/push':
        return reply(200, simulate.push(body as never));
      case 'POST /_local/upstreams': {
        const images = upstreamImageSchema.array().parse(body.images);
        world.upstreams.add(
          field(body, 'url'),
          field(body, 'repository'),
          imagesFromSpecs(field(body, 'repository'), images, 'upstream'),
        );
        return reply(200, {});
      }
      case 'POST /_local/secrets':
        world.resources.putSecret(field(body, 'arn'), body.valid !== false);
        return reply(200, {});
      case 'DELETE /_local/secrets':
        world.resources.deleteSecret(field(body, 'arn'));
        return reply(200, {});
      case 'POST /_local/kms-keys':
        world.resources.putKmsKey(field(body, 'arn'));
        return reply(200, {});
      case 'POST /_local/faults':
        faults.add(body as FaultRule);
        return reply(200, {});
      case 'DELETE /_local/faults':
        faults.clear();
        return reply(200, {});
      case 'GET /_local/registries':
        return reply(
          200,
          world.store.all().map(registry => ({
            accountId: registry.accountId,
            region: registry.region,
            repositories: [...registry.repositories.values()].map(r => ({
              name: r.repositoryName,
              images: r.images.size,
              ...(r.createdBy ? { createdBy: r.createdBy } : {}),
            })),
            pullThroughCacheRules: registry.settings.pullThroughCacheRules.map(
              r => r.ecrRepositoryPrefix,
            ),
            creationTemplates: [...registry.settings.creationTemplates.keys()],
            replicationRules: registry.settings.replicationRules.length,
          })),
        );
      default:
        return reply(404, {
          __type: 'NotFound',
          message: `No admin route ${route}`,
        });
    }
  } catch (error) {
    if (error instanceof SimulationError) {
      return reply(400, { __type: error.code, message: error.message });
    }
    if (
      error instanceof AdminInputError ||
      (error as Error).name === 'ZodError'
    ) {
      return reply(400, {
        __type: 'BadRequest',
        message: (error as Error).message,
      });
    }
    throw error;
  }
}
