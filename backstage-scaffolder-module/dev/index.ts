// Local harness: `npm start` in this package runs the scaffolder backend with this module on
// http://localhost:7207 (config in app-config.yaml), against a local ECR API on port 4578,
// with mocked auth (requests need no token) and a mock catalog holding one template that
// runs every example of the action.
//
// The action, its input schema and its examples:
//   curl http://localhost:7207/api/scaffolder/v2/actions
// Run the examples (creates their repositories in the local ECR API), then follow the task:
//   curl -X POST http://localhost:7207/api/scaffolder/v2/tasks \
//     -H 'Content-Type: application/json' -d '{"templateRef": "template:default/ecr-examples", "values": {}}'
//   curl http://localhost:7207/api/scaffolder/v2/tasks/<id>/events
// Look at what was created:
//   AWS_ACCESS_KEY_ID=AKIALOCALDEV AWS_SECRET_ACCESS_KEY=local aws ecr describe-repositories \
//     --endpoint-url http://127.0.0.1:4578 --region eu-west-1
import { createBackend } from '@backstage/backend-defaults';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockServices } from '@backstage/backend-test-utils';
import { startLocalEcrApi } from '@ecr-kit/local-ecr-api';
import { createRepositoryExamples } from '../src/actions/createEcrRepositoryAction.examples';

const steps = createRepositoryExamples.flatMap(example => example.steps);

async function main() {
  const ecr = await startLocalEcrApi({
    port: 4578, // ecr.endpoint in app-config.yaml
    accounts: { AKIALOCALDEV: '123456789012' }, // aws.accounts in app-config.yaml
  });
  for (const { input } of steps) {
    if (input.kmsKeyArn) ecr.world.resources.putKmsKey(input.kmsKeyArn);
  }

  const backend = createBackend();
  backend.add(mockServices.auth.factory());
  backend.add(mockServices.httpAuth.factory());
  backend.add(
    catalogServiceMock.factory({
      entities: [
        {
          apiVersion: 'scaffolder.backstage.io/v1beta3',
          kind: 'Template',
          metadata: {
            name: 'ecr-examples',
            title: 'Every example of ecr:repository:create',
          },
          spec: {
            type: 'service',
            owner: 'group:default/platform',
            parameters: [],
            // As JSON, as the catalog holds it; one id per step.
            steps: JSON.parse(
              JSON.stringify(
                steps.map((step, i) => ({ ...step, id: `${step.id}-${i}` })),
              ),
            ),
          },
        },
      ],
    }),
  );
  backend.add(import('@backstage/plugin-scaffolder-backend'));
  backend.add(import('../src'));
  await backend.start();
}

main().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
