// Local harness: `npm start` in this package runs the plugin on a backend with a mock
// catalog, against a local ECR API seeded from local-ecr-api/fixtures/example.json;
// config in app-config.yaml.
// Try: curl 'http://localhost:7107/api/ecr/entities/component/default/payments/repositories'
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ECR_ARN_ANNOTATION } from '@ecr-kit/backstage-plugin-ecr-common';
import { startLocalEcrApi } from '@ecr-kit/local-ecr-api';
import { dirname, join } from 'node:path';

const ACCOUNT = '111122223333';
const arn = (name: string) =>
  `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/${name}`;

async function main() {
  await startLocalEcrApi({
    port: 4577, // ecr.endpoint in app-config.yaml
    fixture: join(
      dirname(require.resolve('@ecr-kit/local-ecr-api/package.json')),
      'fixtures/example.json',
    ),
  });
  const backend = createBackend();
  backend.add(mockServices.auth.factory());
  backend.add(mockServices.httpAuth.factory());
  backend.add(
    catalogServiceMock.factory({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'payments',
            annotations: {
              [ECR_ARN_ANNOTATION]: `${arn('team/payments')},${arn('team/big')}`,
            },
          },
          spec: { type: 'service', owner: 'team', lifecycle: 'production' },
        },
      ],
    }),
  );
  backend.add(import('../src'));
  await backend.start();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
