import { lazy, Suspense, useEffect, useState } from 'react';
import { registerReauthentication } from '@/lib/reauthentication';

// The dialog and its form load only when a change first asks: the console's first paint stays lean.
const ConfirmItsYouDialog = lazy(() =>
  import('./ConfirmItsYouDialog').then((m) => ({ default: m.ConfirmItsYouDialog })),
);

/**
 * The one "Confirm it's you" dialog (GitHub's sudo mode): a sensitive change the server refused
 * for want of a recent sign-in opens it, the person proves it is them with their password, a
 * code, a passkey or their identity provider, and the change is retried. Mounted once, in the
 * console shell; the API client asks it through lib/reauthentication.
 */
export function ConfirmItsYouHost() {
  const [request, setRequest] = useState<{
    resolve: () => void;
    reject: (reason: Error) => void;
  } | null>(null);
  useEffect(
    () =>
      registerReauthentication(
        () => new Promise<void>((resolve, reject) => setRequest({ resolve, reject })),
      ),
    [],
  );
  if (!request) return null;
  return (
    <Suspense>
      <ConfirmItsYouDialog
        onConfirmed={() => {
          request.resolve();
          setRequest(null);
        }}
        onCancel={() => {
          request.reject(new Error('cancelled'));
          setRequest(null);
        }}
      />
    </Suspense>
  );
}
