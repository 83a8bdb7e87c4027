import type { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { DEMO_ROOT } from '../startDemoPortal';
import { LocalPublishingTemplateProcessor } from './LocalPublishingTemplateProcessor';

const processor = new LocalPublishingTemplateProcessor();
const goldenPath = parse(
  readFileSync(
    resolve(DEMO_ROOT, '../templates/ecr-service/template.yaml'),
    'utf8',
  ),
) as Entity;

function actions(entity: Entity) {
  return (entity.spec!.steps as { id: string; action: string }[]).map(
    step => `${step.id}: ${step.action}`,
  );
}

describe('LocalPublishingTemplateProcessor', () => {
  it('swaps only the git-host steps of the golden-path template, keeping their inputs', async () => {
    const processed = await processor.preProcessEntity(goldenPath);
    expect(actions(processed)).toEqual([
      'ecr: ecr:repository:create',
      'fetch: fetch:template',
      'publish: demo:publish:local',
      'register: demo:catalog:register-file',
    ]);
    const steps = processed.spec!.steps as { input: unknown }[];
    const original = goldenPath.spec!.steps as { input: unknown }[];
    expect(steps.map(s => s.input)).toEqual(original.map(s => s.input));
    // The entity read from the file is not modified in place.
    expect(actions(goldenPath)).toContain('publish: publish:github');
  });

  it('leaves other entities and templates without git-host steps alone', async () => {
    const component: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'x' },
      spec: { steps: [{ action: 'publish:github' }] },
    };
    expect(await processor.preProcessEntity(component)).toBe(component);
    const template: Entity = {
      ...goldenPath,
      spec: { ...goldenPath.spec, steps: [{ id: 'log', action: 'debug:log' }] },
    };
    expect(await processor.preProcessEntity(template)).toBe(template);
  });
});
