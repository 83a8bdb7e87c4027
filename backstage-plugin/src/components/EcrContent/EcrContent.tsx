import {
  getCompoundEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  IMAGE_DIGEST_PATTERN,
  isEcrAvailable,
  type EcrRepositoriesResponse,
} from '@ecr-kit/backstage-plugin-ecr-common';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { ecrApiRef } from '../../api';
import { FindingsView } from '../FindingsView';
import { FreshnessNotice } from '../FreshnessNotice';
import { ImagesTable } from '../ImagesTable';
import { MissingAnnotation } from '../MissingAnnotation';
import { RepositoryErrors } from '../RepositoryErrors';
import { RepositoryHeader } from '../RepositoryHeader';
import { RepositoryPicker } from '../RepositoryPicker';

/**
 * The selected repository and image live in the URL (`?repository=<ARN>&image=sha256:…`),
 * so a findings view can be shared as a link.
 */
function EcrRepositories(props: {
  entityRef: CompoundEntityRef;
  response: EcrRepositoriesResponse;
}) {
  const { entityRef, response } = props;
  const [searchParams, setSearchParams] = useSearchParams();
  const requestedArn = searchParams.get('repository');
  const image = searchParams.get('image');
  const repository =
    response.repositories.find(r => r.arn === requestedArn) ??
    response.repositories[0];
  const arn = repository?.arn ?? '';

  const findingsLink = useCallback(
    (digest: string) =>
      `?${new URLSearchParams({ repository: arn, image: digest })}`,
    [arn],
  );

  const notices = (
    <>
      <RepositoryErrors errors={response.errors} />
      <FreshnessNotice freshness={response.freshness} />
    </>
  );

  if (!repository) {
    return (
      <Stack spacing={2}>
        {notices}
        {response.errors.length === 0 && (
          <EmptyState
            missing="info"
            title="No ECR repositories found for this entity"
            description="The entity's ECR annotation matches no repository the backend can see. Check the ARNs or tags in the annotation, and the AWS accounts and regions the ECR backend is configured for."
          />
        )}
      </Stack>
    );
  }

  return (
    <Stack spacing={2}>
      {notices}
      {requestedArn && requestedArn !== repository.arn && (
        <WarningPanel
          severity="warning"
          title={`Repository ${requestedArn} is not one of this entity's repositories; showing ${repository.name}.`}
        />
      )}
      {response.repositories.length > 1 && (
        <RepositoryPicker
          repositories={response.repositories}
          selectedArn={repository.arn}
          onChange={selected => setSearchParams({ repository: selected })}
        />
      )}
      <RepositoryHeader repository={repository} />
      {image && !IMAGE_DIGEST_PATTERN.test(image) && (
        <WarningPanel
          severity="warning"
          title={`The link names image "${image}", which is not an image digest (sha256: followed by 64 lowercase hex digits).`}
        />
      )}
      {image && IMAGE_DIGEST_PATTERN.test(image) ? (
        <FindingsView
          key={`${arn}/${image}`}
          entityRef={entityRef}
          repository={repository}
          digest={image}
          backLink={`?${new URLSearchParams({ repository: arn })}`}
        />
      ) : (
        <ImagesTable
          key={arn}
          entityRef={entityRef}
          repository={repository}
          findingsLink={findingsLink}
        />
      )}
    </Stack>
  );
}

function EcrEntityContent(props: { entityRef: CompoundEntityRef }) {
  const { entityRef } = props;
  const ecrApi = useApi(ecrApiRef);
  const { value, loading, error } = useAsync(
    () => ecrApi.getRepositories(entityRef),
    [ecrApi, entityRef],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return <EcrRepositories entityRef={entityRef} response={value!} />;
}

/**
 * The ECR tab of an entity page: repositories, images and findings, in a region named
 * after the entity so that assistive technology can jump to it.
 */
export function EcrContent() {
  const { entity } = useEntity();
  const entityRef = useMemo(() => getCompoundEntityRef(entity), [entity]);
  return (
    <Box
      component="section"
      aria-label={`Amazon ECR images of ${entity.metadata.title ?? entity.metadata.name}`}
    >
      {isEcrAvailable(entity) ? (
        <EcrEntityContent entityRef={entityRef} />
      ) : (
        <MissingAnnotation />
      )}
    </Box>
  );
}
