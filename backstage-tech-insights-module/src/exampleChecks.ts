import { ECR_FACT_RETRIEVER_ID } from './ecrFactRetriever';

const check = (
  id: string,
  name: string,
  description: string,
  fact: string,
  operator: string,
  value: unknown,
) => ({
  id,
  type: 'json-rules-engine',
  name,
  description,
  factIds: [ECR_FACT_RETRIEVER_ID],
  rule: { conditions: { all: [{ fact, operator, value }] } },
});

/**
 * Example scorecard checks for `@backstage-community/plugin-tech-insights-backend-module-jsonfc`
 * (`techInsights.factChecker.checks` in app-config, or passed to its fact checker factory).
 *
 * @public
 */
export const ECR_EXAMPLE_CHECKS = [
  check(
    'ecrImmutableTags',
    'Immutable image tags',
    'Every ECR repository of the service keeps its tags immutable',
    'ecrImmutableTags',
    'equal',
    true,
  ),
  check(
    'ecrScanned',
    'Images scanned on push',
    'Every ECR repository is scanned on push or by enhanced scanning',
    'ecrScanOnPush',
    'equal',
    true,
  ),
  check(
    'ecrLifecyclePolicy',
    'Lifecycle policy',
    'Every ECR repository has a lifecycle policy',
    'ecrLifecyclePolicy',
    'equal',
    true,
  ),
  check(
    'ecrNoCriticalInNewestImage',
    'No critical vulnerabilities in the newest image',
    'The newest image has no critical findings',
    'ecrNewestImageCritical',
    'equal',
    0,
  ),
  check(
    'ecrRecentlyPushed',
    'Pushed in the last 90 days',
    'The newest image is at most 90 days old',
    'ecrDaysSinceLastPush',
    'lessThanInclusive',
    90,
  ),
];

/**
 * {@link ECR_EXAMPLE_CHECKS} keyed by id, the shape of `techInsights.factChecker.checks`
 * (for a static config source, or to print as YAML).
 *
 * @public
 */
export const ECR_EXAMPLE_CHECKS_CONFIG = Object.fromEntries(
  ECR_EXAMPLE_CHECKS.map(({ id, ...definition }) => [id, definition]),
);
