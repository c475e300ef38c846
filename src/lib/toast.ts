import type { NotificationData } from '@mantine/notifications';
import { i18n } from './i18n';

/**
 * Shows a toast. The notifications package loads on first use rather than with the first page,
 * which never needs it to paint. Its close button says what it does.
 */
export function toast(notification: NotificationData): void {
  void import('@mantine/notifications').then(({ notifications }) =>
    notifications.show({
      closeButtonProps: { 'aria-label': i18n.t('common.close') },
      ...notification,
    }),
  );
}
