import { createDevApp } from '@backstage/dev-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import Grid from '@mui/material/Grid';
import { ecrApiRef } from '../src/api';
import {
  EntityEcrCard,
  EntityEcrContent,
  ecrPlugin,
} from '../src/legacyPlugin';
import { annotatedEntity, plainEntity } from '../src/__fixtures__/ecrData';
import { DevEcrApi } from './DevEcrApi';

// `npm start` in this package: the tab, the card and the missing-annotation state,
// against an in-memory API (no backend needed).
createDevApp()
  .registerPlugin(ecrPlugin)
  .registerApi({ api: ecrApiRef, deps: {}, factory: () => new DevEcrApi() })
  .addPage({
    title: 'ECR tab',
    path: '/ecr',
    element: (
      <EntityProvider entity={annotatedEntity}>
        <EntityEcrContent />
      </EntityProvider>
    ),
  })
  .addPage({
    title: 'ECR card',
    path: '/ecr-card',
    element: (
      <EntityProvider entity={annotatedEntity}>
        <Grid container spacing={3} sx={{ p: 3 }}>
          <Grid item xs={12} md={6}>
            <EntityEcrCard />
          </Grid>
        </Grid>
      </EntityProvider>
    ),
  })
  .addPage({
    title: 'No annotation',
    path: '/ecr-missing',
    element: (
      <EntityProvider entity={plainEntity}>
        <EntityEcrContent />
      </EntityProvider>
    ),
  })
  .render();
