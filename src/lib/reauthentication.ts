/**
 * "Confirm it's you": when the server answers 403 REAUTH_REQUIRED, the one dialog the console
 * shows for it (mounted once in the app shell) is asked to confirm; the call is then retried.
 * The dialog registers itself here, so the API client needs no React.
 */
type Confirm = () => Promise<void>;

let confirmer: Confirm | undefined;
let pending: Promise<void> | undefined;

/** The dialog registers while it is mounted; the returned function unregisters it. */
export function registerReauthentication(confirm: Confirm): () => void {
  confirmer = confirm;
  return () => {
    if (confirmer === confirm) confirmer = undefined;
  };
}

/**
 * Resolves once the person confirmed it's them, rejects when they cancel (or nothing can ask).
 * Calls refused together share one dialog.
 */
export function confirmItsYou(): Promise<void> {
  if (!confirmer) return Promise.reject(new Error('Nothing can ask to confirm.'));
  pending ??= confirmer().finally(() => {
    pending = undefined;
  });
  return pending;
}

/** Whether a dialog is there to ask (signed in, inside the console shell). */
export const canConfirmItsYou = (): boolean => confirmer !== undefined;
