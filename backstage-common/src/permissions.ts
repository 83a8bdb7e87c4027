import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading an entity's ECR data (repositories, images, scan findings). A resource
 * permission on the catalog entity, so a permission policy can allow it per entity —
 * e.g. vulnerability details only for the owning team — on top of catalog visibility.
 * Allowed when the portal runs no permission policy.
 *
 * @public
 */
export const ecrReadPermission = createPermission({
  name: 'ecr.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/**
 * Every permission of the ECR plugins.
 *
 * @public
 */
export const ecrPermissions = [ecrReadPermission];
