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
  components: {
    // A number out of range stays as typed, for the form to name the problem at the field, instead
    // of being clamped on blur (a birth year 2031 silently became 2026, '-50' MAD became 0).
    NumberInput: { defaultProps: { clampBehavior: 'none' } },
  },
});
