import { getCompoundEntityRef, type Entity } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  ECR_ARN_ANNOTATION,
  ECR_TAGS_ANNOTATION,
  isEcrAvailable,
} from '@ecr-kit/backstage-plugin-ecr-common';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ecrApiRef } from '../../api';
import { ComplianceBadges } from '../ComplianceBadges';
import { FreshnessNotice } from '../FreshnessNotice';
import { ScanStatus, platformScans } from '../ScanStatus';
import { SeverityCounts } from '../SeverityCounts';
import { TimeAgo } from '../TimeAgo';
import { WrappingRow } from '../WrappingRow';

/** Path of the ECR tab below the entity page, as the README tells adopters to mount it. */
const TAB_PATH = 'ecr';

function EcrCardContent() {
  const { entity } = useEntity();
  const entityRef = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const ecrApi = useApi(ecrApiRef);
  const { value, loading, error } = useAsync(async () => {
    const { repositories, errors, freshness } =
      await ecrApi.getRepositories(entityRef);
    const repository = repositories[0];
    const latest = repository
      ? (
          await ecrApi.getImages(entityRef, repository.arn, {
            pageSize: 1,
            sort: 'pushedAt',
            order: 'desc',
            tagStatus: 'TAGGED',
          })
        ).images[0]
      : undefined;
    return { repositories, errors, freshness, repository, latest };
  }, [ecrApi, entityRef]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const { repositories, errors, freshness, repository, latest } = value!;
  if (!repository) {
    return (
      <Typography>
        {errors.length > 0
          ? `The ECR repositories of this entity could not be read: ${errors[0].message}`
          : 'No ECR repositories found for this entity.'}
      </Typography>
    );
  }
  return (
    <Stack spacing={2}>
      <FreshnessNotice freshness={freshness} />
      <Typography variant="subtitle1" component="h3">
        {repository.name}
        {repositories.length > 1 &&
          ` (+${repositories.length - 1} more ${
            repositories.length === 2 ? 'repository' : 'repositories'
          })`}
      </Typography>
      {latest ? (
        <Stack spacing={1}>
          <WrappingRow spacing={1}>
            <Typography variant="body2">Latest image</Typography>
            <Chip size="small" label={latest.tags[0]} />
            <Typography variant="body2" color="text.secondary">
              pushed <TimeAgo time={latest.pushedAt} />
            </Typography>
          </WrappingRow>
          {latest.scan?.state === 'COMPLETE' && latest.scan.counts ? (
            <SeverityCounts
              counts={latest.scan.counts}
              label="Vulnerabilities of the latest image"
            />
          ) : (
            <ScanStatus
              scan={latest.scan}
              label={
                platformScans(latest)?.noneScanned
                  ? 'Platforms not scanned'
                  : undefined
              }
              showReason
            />
          )}
        </Stack>
      ) : (
        <Typography variant="body2">No tagged images yet.</Typography>
      )}
      <ComplianceBadges repository={repository} size="small" />
    </Stack>
  );
}

/** Link to the entity's ECR tab; none in apps without the catalog's entity pages. */
function useEcrTabLink(entity: Entity): string | undefined {
  try {
    // Every hook inside useRouteRef has run before it throws, so hook order is stable.
    const entityLink = useRouteRef(entityRouteRef);
    return `${entityLink(entityRouteParams(entity))}/${TAB_PATH}`;
  } catch {
    return undefined;
  }
}

/** Overview card: the latest image, its vulnerabilities and the repository's settings. */
export function EcrCard() {
  const { entity } = useEntity();
  const tabLink = useEcrTabLink(entity);
  return (
    <InfoCard
      title="Amazon ECR"
      deepLink={tabLink ? { title: 'View images', link: tabLink } : undefined}
    >
      {isEcrAvailable(entity) ? (
        <EcrCardContent />
      ) : (
        <Typography>
          Add the <code>{ECR_ARN_ANNOTATION}</code> or{' '}
          <code>{ECR_TAGS_ANNOTATION}</code> annotation to show this entity's
          ECR images.
        </Typography>
      )}
    </InfoCard>
  );
}
