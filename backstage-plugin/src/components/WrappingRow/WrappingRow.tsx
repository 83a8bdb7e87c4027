import Stack, { type StackProps } from '@mui/material/Stack';

/** A row of items, centred on one line, that wraps onto more lines when space runs out. */
export function WrappingRow(
  props: Omit<StackProps, 'direction' | 'useFlexGap' | 'flexWrap'>,
) {
  return (
    <Stack
      direction="row"
      useFlexGap
      flexWrap="wrap"
      alignItems="center"
      {...props}
    />
  );
}
