import { createRouteRef } from '@backstage/core-plugin-api';

/** Where the ECR tab is mounted (legacy frontend system). */
export const rootRouteRef = createRouteRef({ id: 'ecr' });
