import { useTranslation } from 'react-i18next';
import { Dialog } from '@/components/Dialog';
import { KeyUsageReport, type KeyUsageReportProps } from './KeyUsageReport';

/** A key's Usage over a key list (the key's own page shows the same report in place). */
export function KeyUsageDialog(
  props: KeyUsageReportProps & { keyLabel: string; onClose: () => void },
) {
  const { t } = useTranslation();
  const { keyLabel, onClose, ...report } = props;
  return (
    <Dialog opened onClose={onClose} title={t('usage.title', { key: keyLabel })} size="xl">
      <KeyUsageReport {...report} />
    </Dialog>
  );
}
