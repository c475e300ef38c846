import { Button, CopyButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Inline SVG: an icon that renders whatever fonts the machine has (a "⧉" glyph did not).
const ICON = {
  width: 14,
  height: 14,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  'aria-hidden': true,
} as const;
const CopyIcon = () => (
  <svg {...ICON}>
    <rect x="9" y="9" width="12" height="12" rx="2" />
    <path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" />
  </svg>
);
const CheckIcon = () => (
  <svg {...ICON}>
    <path d="M20 6 9 17l-5-5" />
  </svg>
);

/**
 * A copy button that says what it does: an icon and "Copy", then "Copied". `what` names the
 * copied thing for screen readers ("Copy App Secret"); `label` replaces "Copy".
 */
export function CopyAction({
  value,
  what,
  label,
  onCopied,
}: {
  value: string;
  what: string;
  label?: string;
  onCopied?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          size="compact-xs"
          variant={copied ? 'light' : 'default'}
          color={copied ? 'green' : undefined}
          leftSection={copied ? <CheckIcon /> : <CopyIcon />}
          onClick={() => {
            copy();
            onCopied?.();
          }}
          aria-label={what ? `${label ?? t('secretReveal.copy')} ${what}` : label}
        >
          {copied ? t('secretReveal.copied') : (label ?? t('secretReveal.copy'))}
        </Button>
      )}
    </CopyButton>
  );
}
