import {
  createTheme,
  defaultVariantColorsResolver,
  type CSSVariablesResolver,
} from '@mantine/core';

// Mantine's default shade 6 fails WCAG AA contrast for links and filled buttons; 8 passes.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  // Links inside text must be told apart by more than colour (WCAG 1.4.1).
  components: { Anchor: { defaultProps: { underline: 'always' } } },
  // Coloured text on a tinted background ("light" badges, the active navigation entry) reads
  // below 4.5:1 in several colours; the tint carries the colour, the text stays the text colour.
  variantColorResolver: (input) => {
    const colors = defaultVariantColorsResolver(input);
    return input.variant === 'light' ? { ...colors, color: 'var(--mantine-color-text)' } : colors;
  },
});

// Mantine's dimmed grey (gray-6) reads at 3.3:1 on white, and dark-2 4.0:1 on the dark body;
// gray-7 and dark-1 pass AA for small text. Its
// field error red (red-6 on white, red-8 on dark) reads at 3.3:1 and about 3.5:1: red-9 and
// red-4 pass.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
  },
});
