import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isEcrAvailable } from '@ecr-kit/backstage-plugin-ecr-common';

/** The scorecard card on the overview of every entity with an ECR annotation. */
const ecrScorecardCard = EntityCardBlueprint.make({
  name: 'ecr-scorecard',
  params: {
    filter: isEcrAvailable,
    loader: () =>
      import('./EcrScorecardCard').then(m => <m.EcrScorecardCard />),
  },
});

/** Adds the scorecard card to the catalog's entity pages. */
export const ecrScorecardModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [ecrScorecardCard],
});
