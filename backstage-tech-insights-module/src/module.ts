import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import {
  ECR_FACT_RETRIEVER_ID,
  createEcrFactRetriever,
} from './ecrFactRetriever';

/**
 * Tech Insights module adding the ECR fact retriever. Schedule it like any retriever:
 * `techInsights.factRetrievers.ecr-kit-facts: { cadence: '0 * * * *', lifecycle: { maxItems: 7 } }`.
 *
 * @public
 */
export const techInsightsModuleEcrFacts = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'ecr-facts',
  register(env) {
    env.registerInit({
      deps: {
        retrievers: techInsightsFactRetrieversExtensionPoint,
        catalog: catalogServiceRef,
        logger: coreServices.logger,
      },
      async init({ retrievers, catalog, logger }) {
        retrievers.addFactRetrievers({
          [ECR_FACT_RETRIEVER_ID]: createEcrFactRetriever({ catalog }),
        });
        logger.info(`ECR fact retriever ${ECR_FACT_RETRIEVER_ID} added`);
      },
    });
  },
});
