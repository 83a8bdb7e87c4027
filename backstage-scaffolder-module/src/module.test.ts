import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  type ScaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
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
    expect(Object.keys(input.properties ?? {})).toEqual(
      expect.arrayContaining([
        'mutableTags',
        'mutableTagFilters',
        'scanOnPush',
        'encryption',
        'kmsKeyArn',
        'lifecycleRules',
        'entityRef',
        'tags',
        'pullAccounts',
      ]),
    );
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
