import type { NotificationData } from '@mantine/notifications';

/**
 * Shows a toast. The notifications package loads on first use rather than with the first page,
 * which never needs it to paint.
 */
export function toast(notification: NotificationData): void {
  void import('@mantine/notifications').then(({ notifications }) =>
    notifications.show(notification),
  );
}
