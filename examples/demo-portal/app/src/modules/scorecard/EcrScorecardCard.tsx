import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { BooleanCheckResult } from '@backstage-community/plugin-tech-insights-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';

/**
 * The entity's Tech Insights checks, run now by the Tech Insights backend
 * (`POST /api/tech-insights/checks/run/:namespace/:kind/:name`) on its latest facts.
 * A stand-in for the community Tech Insights frontend's scorecard, which the demo cannot
 * install (see the demo README).
 */
export function EcrScorecardCard() {
  const { entity } = useEntity();
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const { namespace = 'default', name } = entity.metadata;
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const { value, loading, error } = useAsync(async () => {
    const base = await discoveryApi.getBaseUrl('tech-insights');
    const path = [namespace, kind, name].map(encodeURIComponent).join('/');
    const response = await fetchApi.fetch(`${base}/checks/run/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as BooleanCheckResult[];
  }, [discoveryApi, fetchApi, namespace, kind, name]);

  const passed = value?.filter(r => r.result).length ?? 0;
  return (
    <InfoCard
      title="Scorecard"
      subheader={
        value?.length
          ? `${passed} of ${value.length} checks passed`
          : 'Tech Insights checks'
      }
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && value.length === 0 && (
        <Typography variant="body2">
          No results yet: the checks run once Tech Insights has collected this
          entity’s facts.
        </Typography>
      )}
      {value && value.length > 0 && (
        <List dense aria-label="Scorecard checks">
          {value.map(({ check, result }) => (
            <ListItem key={check.id}>
              <ListItemIcon>
                {result ? <StatusOK /> : <StatusError />}
              </ListItemIcon>
              <ListItemText
                primary={`${check.name}: ${result ? 'passed' : 'failed'}`}
                secondary={check.description}
              />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}
