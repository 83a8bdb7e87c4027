import type { Entity } from '@backstage/catalog-model';
import type { CatalogProcessor } from '@backstage/plugin-catalog-node';
import type { JsonObject } from '@backstage/types';
import { PUBLISH_LOCAL_ACTION_ID } from './publishLocalAction';
import { REGISTER_FILE_ACTION_ID } from './registerFileAction';

/** The steps a portal without a git host swaps, and what the demo swaps them for. */
const SWAPS: Readonly<Record<string, string>> = {
  'publish:github': PUBLISH_LOCAL_ACTION_ID,
  'catalog:register': REGISTER_FILE_ACTION_ID,
};

/**
 * Makes the golden-path templates runnable in the demo without editing them: in every
 * Template entity, `publish:github` becomes `demo:publish:local` and `catalog:register`
 * becomes `demo:catalog:register-file`, with the same inputs. Every other step (the ECR
 * repository, the skeleton) runs as in production.
 */
export class LocalPublishingTemplateProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'LocalPublishingTemplateProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    if (entity.kind !== 'Template' || !Array.isArray(entity.spec?.steps)) {
      return entity;
    }
    const steps = entity.spec.steps as JsonObject[];
    if (!steps.some(s => typeof s.action === 'string' && s.action in SWAPS)) {
      return entity;
    }
    return {
      ...entity,
      spec: {
        ...entity.spec,
        steps: steps.map(step =>
          typeof step.action === 'string' && step.action in SWAPS
            ? { ...step, action: SWAPS[step.action] }
            : step,
        ),
      },
    };
  }
}
