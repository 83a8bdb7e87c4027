/**
 * Tech Insights facts for Amazon ECR repositories, from the ECR backend plugin's cache.
 *
 * @packageDocumentation
 */
export { techInsightsModuleEcrFacts as default } from './module';
export {
  ECR_FACT_RETRIEVER_ID,
  createEcrFactRetriever,
} from './ecrFactRetriever';
export {
  ECR_FACT_SCHEMA,
  entityFacts,
  type EcrEntityFacts,
} from './entityFacts';
export { ECR_EXAMPLE_CHECKS, ECR_EXAMPLE_CHECKS_CONFIG } from './exampleChecks';
