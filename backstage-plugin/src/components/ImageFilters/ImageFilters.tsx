import {
  ARTIFACT_KINDS,
  IMAGES_QUERY_DEFAULTS,
  MAX_TAG_SEARCH_LENGTH,
  SEVERITIES,
  type EcrImagesQuery,
  type ImageSortField,
  type SortOrder,
  type TagStatus,
} from '@ecr-kit/backstage-plugin-ecr-common';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { artifactKindLabel } from '../../format';

/** The images query without paging: what the filter bar controls. */
export type ImageFilterValue = Omit<EcrImagesQuery, 'page' | 'pageSize'>;

const ANY = '';

/** Menu options from labels keyed by value, in the labels' order. */
function menuOptions(labels: Record<string, string>) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** Every sort field in both orders, as the menu lists them. */
const SORTS = menuOptions({
  'pushedAt:desc': 'Newest first',
  'pushedAt:asc': 'Oldest first',
  'lastPulledAt:desc': 'Recently pulled',
  'lastPulledAt:asc': 'Least recently pulled',
  'size:desc': 'Largest first',
  'size:asc': 'Smallest first',
  'tag:asc': 'Tag A–Z',
  'tag:desc': 'Tag Z–A',
} satisfies Record<`${ImageSortField}:${SortOrder}`, string>);

/** Every tag status, the unfiltered one first. */
const TAG_STATUS_OPTIONS = menuOptions({
  ANY: 'Tagged and untagged',
  TAGGED: 'Tagged',
  UNTAGGED: 'Untagged',
} satisfies Record<TagStatus, string>);

/** Tag search, tag status, minimum severity, artifact kind and sort order of the images table. */
export function ImageFilters(props: {
  value: ImageFilterValue;
  onChange: (value: ImageFilterValue) => void;
}) {
  const { value, onChange } = props;
  const [tagText, setTagText] = useState(value.tag ?? '');

  useEffect(() => setTagText(value.tag ?? ''), [value.tag]);
  useDebounce(
    () => {
      const tag = tagText.trim() || undefined;
      if (tag !== value.tag) onChange({ ...value, tag });
    },
    300,
    [tagText],
  );

  const select = (
    label: string,
    current: string,
    options: { value: string; label: string }[],
    apply: (selected: string) => ImageFilterValue,
  ) => (
    <TextField
      select
      size="small"
      label={label}
      value={current}
      onChange={event => onChange(apply(event.target.value))}
      sx={{ minWidth: 170 }}
    >
      {options.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      flexWrap="wrap"
      role="search"
      aria-label="Filter images"
      sx={{ mb: 2 }}
    >
      <TextField
        size="small"
        label="Search tags"
        type="search"
        value={tagText}
        inputProps={{ maxLength: MAX_TAG_SEARCH_LENGTH }}
        onChange={event => setTagText(event.target.value)}
      />
      {select(
        'Tag status',
        value.tagStatus ?? IMAGES_QUERY_DEFAULTS.tagStatus,
        TAG_STATUS_OPTIONS,
        selected => ({
          ...value,
          tagStatus: selected as ImageFilterValue['tagStatus'],
        }),
      )}
      {select(
        'Minimum severity',
        value.minSeverity ?? ANY,
        [
          { value: ANY, label: 'Any' },
          ...SEVERITIES.slice(0, 4).map(severity => ({
            value: severity,
            label: severity,
          })),
        ],
        selected => ({
          ...value,
          minSeverity: (selected ||
            undefined) as ImageFilterValue['minSeverity'],
        }),
      )}
      {select(
        'Artifact kind',
        value.kind ?? ANY,
        [
          { value: ANY, label: 'Any' },
          ...ARTIFACT_KINDS.map(kind => ({
            value: kind,
            label: artifactKindLabel(kind),
          })),
        ],
        selected => ({
          ...value,
          kind: (selected || undefined) as ImageFilterValue['kind'],
        }),
      )}
      {select(
        'Sort by',
        `${value.sort ?? IMAGES_QUERY_DEFAULTS.sort}:${value.order ?? IMAGES_QUERY_DEFAULTS.order}`,
        SORTS,
        selected => {
          const [sort, order] = selected.split(':');
          return {
            ...value,
            sort: sort as ImageFilterValue['sort'],
            order: order as ImageFilterValue['order'],
          };
        },
      )}
    </Stack>
  );
}
