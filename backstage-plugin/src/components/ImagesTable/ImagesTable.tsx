import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  Progress,
  ResponseErrorPanel,
  Table,
  WarningPanel,
  type TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  IMAGES_QUERY_DEFAULTS,
  type EcrImage,
  type EcrImagesResponse,
  type EcrRepositorySummary,
} from '@ecr-kit/backstage-plugin-ecr-common';
import Box from '@mui/material/Box';
import TablePagination from '@mui/material/TablePagination';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ecrApiRef } from '../../api';
import { formatBytes } from '../../format';
import { useConsoleUrl } from '../../hooks';
import { EmptyRepository } from '../EmptyRepository';
import { FreshnessNotice } from '../FreshnessNotice';
import { ImageFilters, type ImageFilterValue } from '../ImageFilters';
import { ImageActions } from './ImageActions';
import { ImageCell } from './ImageCell';
import { PushedCell } from './PushedCell';
import { ScanCell } from './ScanCell';

const PAGE_SIZES = [10, 25, 50, 100];

// Narrower than the table's default padding, so that five columns fit beside an open
// sidebar at 1024 px; every column has its width in percent.
const CELL = { paddingLeft: 12, paddingRight: 12 } as const;

/** The images as the endpoint lists them by default, asked for explicitly. */
const DEFAULT_FILTER: ImageFilterValue = {
  sort: IMAGES_QUERY_DEFAULTS.sort,
  order: IMAGES_QUERY_DEFAULTS.order,
  tagStatus: IMAGES_QUERY_DEFAULTS.tagStatus,
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
  const consoleUrl = useConsoleUrl();
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
        title: 'Image',
        render: image => (
          <ImageCell
            image={image}
            uri={repository.uri}
            findingsLink={findingsLink}
          />
        ),
        width: '26%',
        cellStyle: CELL,
        headerStyle: CELL,
      },
      {
        title: 'Pushed',
        render: image => <PushedCell image={image} />,
        width: '16%',
        cellStyle: CELL,
        headerStyle: CELL,
      },
      {
        title: 'Size',
        render: image => formatBytes(image.sizeInBytes),
        width: '12%',
        cellStyle: CELL,
        headerStyle: CELL,
      },
      {
        title: 'Vulnerabilities',
        render: image => <ScanCell image={image} findingsLink={findingsLink} />,
        width: '31%',
        cellStyle: CELL,
        headerStyle: CELL,
      },
      {
        title: 'Actions',
        render: image => (
          <ImageActions
            image={image}
            uri={repository.uri}
            consoleUrl={consoleUrl(image.consoleUrl, repository.accountId)}
          />
        ),
        width: '15%',
        cellStyle: CELL,
        headerStyle: CELL,
      },
    ],
    [repository.uri, repository.accountId, findingsLink, consoleUrl],
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
        // material-table keeps row state by `id` (and warns without one); a digest is unique
        // within one repository's listing.
        data={(shown?.images ?? []).map(image => ({
          ...image,
          id: image.digest,
        }))}
        options={{
          paging: false,
          search: false,
          sorting: false,
          draggable: false,
          padding: 'dense',
          // Fixed column widths: cells wrap their content instead of widening the table.
          tableLayout: 'fixed',
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
