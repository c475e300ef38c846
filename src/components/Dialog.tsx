import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import './dialog.css';

/**
 * Mantine's Modal with what every dialog here needs: centred, and a close button with a name.
 * `fill`: the body is a column whose one scrolling part takes the height the header and a
 * `.kw-dialog-footer` leave (dialog.css).
 */
export function Dialog({ fill, ...props }: ModalProps & { fill?: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
      {...(fill ? { classNames: { content: 'kw-dialog-fill', body: 'kw-dialog-fill-body' } } : {})}
      {...props}
    />
  );
}
