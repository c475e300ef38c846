import { createTheme } from '@mantine/core';

// Mantine's default shade 6 fails WCAG AA contrast for links and filled buttons; 8 passes.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
});
