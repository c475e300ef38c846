import { Button, CopyButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A copy button that says what it does: "Copy", then "Copied" (no icon font to rely on). */
/** `what` names the copied thing for screen readers ("Copy App Secret"); `label` replaces "Copy". */
export function CopyAction({
  value,
  what,
  label,
}: {
  value: string;
  what: string;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          size="compact-xs"
          variant={copied ? 'light' : 'default'}
          color={copied ? 'green' : undefined}
          onClick={copy}
          aria-label={what ? `${label ?? t('secretReveal.copy')} ${what}` : label}
        >
          {copied ? t('secretReveal.copied') : (label ?? t('secretReveal.copy'))}
        </Button>
      )}
    </CopyButton>
  );
}
