import { alpha, type Theme } from '@mui/material/styles';

/** Palette colours a chip can be accented with. */
export type Accent = 'error' | 'warning' | 'info' | 'success';

/**
 * An outlined chip accented with a palette colour: the colour on the border and as a tint
 * behind the text, the text itself in the theme's primary text colour. MUI's coloured chip
 * text (orange on white, white on orange, green on dark grey) is below WCAG's 4.5:1 in
 * the light and the dark theme; this keeps the colour and the contrast. `strong` tints
 * more and bolds the text, for what needs attention first.
 */
export function accentChipSx(accent: Accent, strong = false) {
  return (theme: Theme) => ({
    color: theme.palette.text.primary,
    borderColor: theme.palette[accent].main,
    backgroundColor: alpha(theme.palette[accent].main, strong ? 0.22 : 0.08),
    fontWeight: strong ? 'bold' : undefined,
  });
}
