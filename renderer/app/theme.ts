import { createTheme } from '@mantine/core';

// Arabic glyphs are absent from Noto Sans, so the browser takes them from the next font in the list.
const fontFamily = "'Noto Sans', 'Noto Sans Arabic', system-ui, sans-serif";

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 7,
  defaultRadius: 'md',
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  fontFamilyMonospace: "Consolas, 'DejaVu Sans Mono', 'Courier New', monospace",
  focusRing: 'auto',
});
