import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  type ScaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import {
  REPOSITORY_STANDARD_OPTION_NAMES,
  type LifecycleRule,
  type SameKeys,
} from '@ecr-kit/ecr-standard';
import type { z } from 'zod/v3';
import { OPTIONS_NOT_TAKEN, lifecycleRuleSchema } from './actions/inputSchema';
import { ecrScaffolderModule } from './module';
import ecrModuleFromIndex from './index';

type JsonSchema = {
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
};

/** Paths of every schema property without a description. */
function undocumented(schema: JsonSchema, path = ''): string[] {
  const own = Object.entries(schema.properties ?? {}).flatMap(
    ([key, property]) => [
      ...(property.description ? [] : [`${path}${key}`]),
      ...undocumented(property, `${path}${key}.`),
    ],
  );
  return schema.items
    ? [...own, ...undocumented(schema.items, `${path}[].`)]
    : own;
}

describe('ecrScaffolderModule', () => {
  it('is the package default export and registers ecr:repository:create with the scaffolder', async () => {
    expect(ecrModuleFromIndex).toBe(ecrScaffolderModule);
    const actions: Parameters<ScaffolderActionsExtensionPoint['addActions']> =
      [];
    await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          { addActions: (...added) => actions.push(...added) },
        ],
      ],
      features: [
        ecrScaffolderModule,
        mockServices.rootConfig.factory({
          data: { ecr: { endpoint: 'http://127.0.0.1:1' } },
        }),
      ],
    });

    expect(actions.map(a => a.id)).toEqual(['ecr:repository:create']);
    const [action] = actions;
    expect(action.supportsDryRun).toBe(true);
    expect(action.examples?.length).toBeGreaterThan(0);
    const input = action.schema?.input as JsonSchema;
    expect(input.required?.sort()).toEqual([
      'accountId',
      'region',
      'repositoryName',
    ]);
    // Every option of the standard is an input (its name as repositoryName), but those the
    // action leaves out on purpose; besides, the account and what the standard leaves open.
    expect(Object.keys(input.properties ?? {}).sort()).toEqual(
      [
        'repositoryName',
        ...REPOSITORY_STANDARD_OPTION_NAMES.filter(
          option => option !== 'name' && !(option in OPTIONS_NOT_TAKEN),
        ),
        'accountId',
        'kmsKeyArn',
        'tags',
      ].sort(),
    );
    const ruleKeys: SameKeys<
      z.infer<ReturnType<typeof lifecycleRuleSchema>>,
      LifecycleRule
    > = true;
    expect(ruleKeys).toBe(true);
    expect(undocumented(input)).toEqual([]);
    expect(
      Object.keys((action.schema?.output as JsonSchema).properties ?? {}),
    ).toEqual([
      'repositoryName',
      'repositoryUri',
      'repositoryArn',
      'registryId',
      'catalogAnnotations',
      'created',
    ]);
    expect(undocumented(action.schema?.output as JsonSchema)).toEqual([]);
  });
});
