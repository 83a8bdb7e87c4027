// One replica of the production recipe, as `npm run test:production` starts it: the real
// backend (backend-defaults: PostgreSQL database, Redis cache, the scheduler) with the ECR
// plugin, given app-config.production.yaml. Only the catalog and sign-in are stand-ins: the
// catalog's entities come from the JSON file ECR_KIT_ENTITIES names, and every request is
// signed in as a test user.
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readFileSync } from 'node:fs';

const entitiesFile = process.env.ECR_KIT_ENTITIES;
if (!entitiesFile) {
  throw new Error('ECR_KIT_ENTITIES must name a JSON file of catalog entities');
}

const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  catalogServiceMock.factory({
    entities: JSON.parse(readFileSync(entitiesFile, 'utf8')),
  }),
);
backend.add(import('../src'));
backend.start().catch(error => {
  console.error(error);
  process.exit(1);
});
