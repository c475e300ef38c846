import { Navigate, Outlet, useMatches } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { can } from '@contract/roles';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageLoader } from '@/components/PageLoader';
import { SignedInSessionContext, useSession, useSetupStatus } from '@/lib/auth';
import { loadConsoleStrings } from '@/lib/i18n';

// Each screen loads on demand: a signed-out visitor never downloads the console shell, and a
// signed-in one never downloads the sign-in form and its schema library.
// The console shell comes with the console's own strings (not needed to sign in).
const AppLayout = lazy(() =>
  Promise.all([import('./AppLayout'), loadConsoleStrings()]).then(([m]) => ({
    default: m.AppLayout,
  })),
);
const SetupPage = lazy(() =>
  import('@/features/auth/components/SetupPage').then((m) => ({ default: m.SetupPage })),
);
const SignInPage = lazy(() =>
  import('@/features/auth/components/SignInPage').then((m) => ({ default: m.SignInPage })),
);

/**
 * Decides what any address shows: the setup screen on first start, sign-in without a session,
 * and otherwise the console, where a page the role may not use becomes "no access".
 */
export function RootLayout() {
  const setup = useSetupStatus();
  const session = useSession();
  const matches = useMatches();

  if (setup.isError) return <ErrorAlert error={setup.error} onRetry={() => void setup.refetch()} />;
  if (session.isError)
    return <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  if (setup.isPending || session.isPending) return <PageLoader />;
  if (setup.data.setupRequired || !session.data) {
    return (
      <Suspense fallback={<PageLoader />}>
        {setup.data.setupRequired ? <SetupPage /> : <SignInPage />}
      </Suspense>
    );
  }

  // The organisation requires a second factor this account lacks: Security first, nothing else.
  if (
    session.data.twoFactorSetupRequired &&
    !matches.some((match) => match.pathname === '/security')
  ) {
    return <Navigate to="/security" replace />;
  }
  const role = session.data.user.role;
  const allowed = matches.every(
    (match) => !match.staticData.capability || can(role, match.staticData.capability),
  );
  return (
    <SignedInSessionContext.Provider value={session.data}>
      <Suspense fallback={<PageLoader />}>
        <AppLayout allowed={allowed}>
          <Outlet />
        </AppLayout>
      </Suspense>
    </SignedInSessionContext.Provider>
  );
}
