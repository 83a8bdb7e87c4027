import type {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  stringifyEntityRef,
  type CompoundEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ecrReadPermission } from '@ecr-kit/backstage-plugin-ecr-common';

/** What loading an entity for a caller needs. */
export interface EntityAccess {
  readonly catalog: CatalogService;
  readonly permissions: PermissionsService;
  readonly logger: LoggerService;
}

/**
 * The entity `requested` names, fetched with the caller's own credentials (an entity they
 * cannot see does not exist for them), after `ecrReadPermission` is checked on the ref of
 * the entity actually fetched. The one gate of the routes and the actions.
 */
export async function loadAuthorizedEntity(
  access: EntityAccess,
  requested: CompoundEntityRef,
  credentials: BackstageCredentials,
): Promise<Entity> {
  let entity: Entity | undefined;
  try {
    entity = await access.catalog.getEntityByRef(requested, { credentials });
  } catch (error) {
    access.logger.warn(`Catalog lookup failed: ${(error as Error).name}`);
    throw new ServiceUnavailableError(
      'The catalog could not be read; try again shortly',
    );
  }
  const ref = entity && stringifyEntityRef(entity);
  if (!entity || ref !== stringifyEntityRef(requested)) {
    throw new NotFoundError(
      `Entity ${stringifyEntityRef(requested)} not found`,
    );
  }
  const [decision] = await access.permissions.authorize(
    [{ permission: ecrReadPermission, resourceRef: ref! }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You may see ${ref} but not its ECR data (permission ${ecrReadPermission.name})`,
    );
  }
  return entity;
}
