import {
  SEVERITIES,
  type EcrImagesQuery,
} from '@ecr-kit/backstage-plugin-ecr-common';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { ARTIFACT_KINDS, artifactKindLabel } from '../../format';

/** The images query without paging: what the filter bar controls. */
export type ImageFilterValue = Omit<EcrImagesQuery, 'page' | 'pageSize'>;

const ANY = '';

const SORTS = [
  { value: 'pushedAt:desc', label: 'Newest first' },
  { value: 'pushedAt:asc', label: 'Oldest first' },
  { value: 'lastPulledAt:desc', label: 'Recently pulled' },
  { value: 'lastPulledAt:asc', label: 'Least recently pulled' },
  { value: 'size:desc', label: 'Largest first' },
  { value: 'size:asc', label: 'Smallest first' },
  { value: 'tag:asc', label: 'Tag A–Z' },
  { value: 'tag:desc', label: 'Tag Z–A' },
];

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
        inputProps={{ maxLength: 128 }}
        onChange={event => setTagText(event.target.value)}
      />
      {select(
        'Tag status',
        value.tagStatus ?? 'ANY',
        [
          { value: 'ANY', label: 'Tagged and untagged' },
          { value: 'TAGGED', label: 'Tagged' },
          { value: 'UNTAGGED', label: 'Untagged' },
        ],
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
        `${value.sort ?? 'pushedAt'}:${value.order ?? 'desc'}`,
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
