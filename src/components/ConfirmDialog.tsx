import { lazy, Suspense } from 'react';
import type { ConfirmDialogProps } from './ConfirmDialogModal';

// Lists render one of these per row; the modal machinery loads only when one first opens.
const ConfirmDialogModal = lazy(() =>
  import('./ConfirmDialogModal').then((m) => ({ default: m.ConfirmDialogModal })),
);

/** Asks before anything that cannot be undone; the message names what will be affected. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  if (!props.opened) return null;
  return (
    <Suspense>
      <ConfirmDialogModal {...props} />
    </Suspense>
  );
}
