import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import ecrPlugin from '@ecr-kit/backstage-plugin-ecr';
import { ecrScorecardModule } from './modules/scorecard/ecrScorecardModule';
import { signInModule } from './modules/signIn';

/** The demo portal: every plugin is a feature of the new frontend system. */
export default createApp({
  features: [
    catalogPlugin,
    scaffolderPlugin,
    orgPlugin,
    ecrPlugin,
    ecrScorecardModule,
    signInModule,
  ],
});
