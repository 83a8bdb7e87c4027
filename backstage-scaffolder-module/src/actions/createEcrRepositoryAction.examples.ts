import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import type { EcrRepositoryInput } from './inputSchema';
import { ACTION_ID } from './resolveRequest';
import { toYaml } from './toYaml';

// The action's examples as code: the compiler checks each input against the input schema,
// createEcrRepositoryAction.examples.test.ts runs each step against a local ECR API, and the
// scaffolder shows them as YAML (`examples` below).

/** One example: template steps that run the action, and what they do. */
export interface CreateRepositoryExample {
  readonly description: string;
  readonly steps: readonly {
    readonly id: string;
    readonly name: string;
    readonly action: typeof ACTION_ID;
    readonly input: EcrRepositoryInput;
  }[];
}

const step = (
  input: EcrRepositoryInput,
): CreateRepositoryExample['steps'][number] => ({
  id: 'ecr',
  name: 'Create ECR repository',
  action: ACTION_ID,
  input,
});

/** The examples of `ecr:repository:create`. */
export const createRepositoryExamples: readonly CreateRepositoryExample[] = [
  {
    description:
      'Create a standardized repository owned by the new component (immutable tags, scan on push, AES256, the standard lifecycle policy)',
    steps: [
      step({
        repositoryName: 'payments/api',
        accountId: '123456789012',
        region: 'eu-west-1',
        entityRef: 'component:default/payments-api',
        tags: { team: 'payments' },
      }),
    ],
  },
  {
    description:
      'KMS encryption, mutable dev tags, explicit lifecycle rules and pull access for another account',
    steps: [
      step({
        repositoryName: 'payments/worker',
        accountId: '123456789012',
        region: 'eu-west-1',
        encryption: 'KMS',
        kmsKeyArn:
          'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        mutableTagFilters: ['dev-*'],
        lifecycleRules: [
          {
            description: 'Expire untagged images',
            tagStatus: 'untagged',
            countType: 'sinceImagePushed',
            countNumber: 7,
          },
          {
            description: 'Keep 100 images',
            tagStatus: 'any',
            countType: 'imageCountMoreThan',
            countNumber: 100,
          },
        ],
        pullAccounts: ['210987654321'],
      }),
    ],
  },
  {
    description:
      'Pull access for the Lambda functions of another account and for every account of the organization; untagged images expire after 3 days',
    steps: [
      step({
        repositoryName: 'payments/functions',
        accountId: '123456789012',
        region: 'eu-west-1',
        lambdaPull: true,
        lambdaAccounts: ['210987654321'],
        pullOrganizationIds: ['o-a1b2c3d4e5'],
        untaggedExpiryDays: 3,
      }),
    ],
  },
];

/** The examples as the scaffolder lists them. */
export const examples: TemplateExample[] = createRepositoryExamples.map(
  ({ description, steps }) => ({ description, example: toYaml({ steps }) }),
);
