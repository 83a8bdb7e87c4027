import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  CopyTextButton,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  WarningPanel,
  type TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type {
  EcrImage,
  EcrImagesResponse,
  EcrRepositorySummary,
} from '@ecr-kit/backstage-plugin-ecr-common';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import TablePagination from '@mui/material/TablePagination';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ecrApiRef } from '../../api';
import { formatBytes, imageId } from '../../format';
import { EmptyRepository } from '../EmptyRepository';
import { FreshnessNotice } from '../FreshnessNotice';
import { ImageFilters, type ImageFilterValue } from '../ImageFilters';
import { ScanStatus } from '../ScanStatus';
import { SeverityCounts } from '../SeverityCounts';
import { TimeAgo } from '../TimeAgo';
import { ImageActions } from './ImageActions';
import { ImageArtifacts } from './ImageArtifacts';
import { ImageTags } from './ImageTags';
import { imageName } from './imageName';

const PAGE_SIZES = [10, 25, 50, 100];

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

const DEFAULT_FILTER: ImageFilterValue = {
  sort: 'pushedAt',
  order: 'desc',
  tagStatus: 'ANY',
};

function isFiltered(filter: ImageFilterValue): boolean {
  return Boolean(
    filter.tag ||
    filter.minSeverity ||
    filter.kind ||
    (filter.tagStatus && filter.tagStatus !== 'ANY'),
  );
}

/**
 * One repository's images, paged, sorted and filtered by the backend. Multi-arch indexes
 * carry their platforms and images their signatures and SBOMs, so neither shows as loose rows.
 */
export function ImagesTable(props: {
  entityRef: CompoundEntityRef;
  repository: EcrRepositorySummary;
  findingsLink: (digest: string) => string;
}) {
  const { entityRef, repository, findingsLink } = props;
  const ecrApi = useApi(ecrApiRef);
  const [filter, setFilter] = useState<ImageFilterValue>(DEFAULT_FILTER);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  // The last answer stays on screen while the next page loads, so the table does not jump.
  const [shown, setShown] = useState<EcrImagesResponse>();

  const { loading, error } = useAsync(async () => {
    const response = await ecrApi.getImages(entityRef, repository.arn, {
      ...filter,
      page,
      pageSize,
    });
    setShown(response);
    return response;
  }, [ecrApi, entityRef, repository.arn, filter, page, pageSize]);

  const columns = useMemo<TableColumn<EcrImage>[]>(
    () => [
      {
        title: 'Tags',
        render: image => <ImageTags image={image} />,
      },
      {
        title: 'Digest',
        render: image => (
          <Box
            sx={{
              display: 'flex',
              alignItems: 'center',
              gap: 0.5,
              whiteSpace: 'nowrap',
            }}
          >
            <Typography
              variant="body2"
              component="code"
              title={image.digest}
              sx={{ fontFamily: 'monospace' }}
            >
              {imageId(image.digest)}
            </Typography>
            <CopyTextButton
              text={image.digest}
              variant="tertiary"
              aria-label={`Copy digest of ${imageName(image)}`}
            />
          </Box>
        ),
      },
      {
        title: 'Pushed',
        render: image => <TimeAgo time={image.pushedAt} />,
        cellStyle: NO_WRAP,
      },
      {
        title: 'Last pulled',
        render: image => <TimeAgo time={image.lastPulledAt} />,
        cellStyle: NO_WRAP,
      },
      {
        title: 'Size',
        render: image => formatBytes(image.sizeInBytes),
        cellStyle: NO_WRAP,
      },
      {
        title: 'Kind',
        render: image => (
          <ImageArtifacts
            image={image}
            uri={repository.uri}
            findingsLink={findingsLink}
          />
        ),
      },
      {
        title: 'Scan',
        render: image => (
          <Stack spacing={0.5} alignItems="flex-start">
            <ScanStatus scan={image.scan} />
            <Link
              to={findingsLink(image.digest)}
              aria-label={`View findings of ${imageName(image)}`}
            >
              Findings
            </Link>
          </Stack>
        ),
        cellStyle: { maxWidth: 130 },
      },
      {
        title: 'Vulnerabilities',
        render: image => (
          <SeverityCounts
            compact
            counts={image.scan?.counts}
            label={`Vulnerabilities of ${imageName(image)}`}
          />
        ),
      },
      {
        title: 'Actions',
        render: image => <ImageActions image={image} uri={repository.uri} />,
      },
    ],
    [repository.uri, findingsLink],
  );

  const changeFilter = (next: ImageFilterValue) => {
    setFilter(next);
    setPage(1);
  };

  if (!shown && loading) return <Progress />;
  if (!shown && error) return <ResponseErrorPanel error={error} />;
  if (shown && shown.totalCount === 0 && !isFiltered(filter) && !error) {
    return (
      <>
        <FreshnessNotice freshness={shown.freshness} />
        <EmptyRepository repository={repository} />
      </>
    );
  }

  const unknown = shown?.severityFilter?.unknown ?? 0;
  return (
    <Box>
      <ImageFilters value={filter} onChange={changeFilter} />
      {error && <ResponseErrorPanel error={error} />}
      <FreshnessNotice freshness={shown?.freshness} />
      {unknown > 0 && (
        <WarningPanel
          severity="info"
          title={`${unknown} ${unknown === 1 ? 'image' : 'images'} not yet evaluated for severity (scan summary not available yet), so not listed`}
        />
      )}
      {loading && <Progress aria-label="Loading images" />}
      <Table<EcrImage>
        title={`Images (${shown?.totalCount ?? 0})`}
        columns={columns}
        data={(shown?.images ?? []).map(image => ({ ...image }))}
        options={{
          paging: false,
          search: false,
          sorting: false,
          draggable: false,
          padding: 'dense',
        }}
        emptyContent={
          <Typography sx={{ p: 2 }}>No images match these filters.</Typography>
        }
      />
      <TablePagination
        component="div"
        count={shown?.totalCount ?? 0}
        page={page - 1}
        rowsPerPage={pageSize}
        rowsPerPageOptions={PAGE_SIZES}
        onPageChange={(_event, next) => setPage(next + 1)}
        onRowsPerPageChange={event => {
          setPageSize(Number(event.target.value));
          setPage(1);
        }}
      />
    </Box>
  );
}
