import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import type { Capability } from '@contract/roles';
import { NotFound } from './shell/NotFound';
import { RootLayout } from './shell/RootLayout';

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** The role capability a page needs; without it the address shows "no access". */
    capability?: Capability;
  }
  interface Register {
    router: typeof router;
  }
}

const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFound });

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/deployments' });
  },
});

// Every page is its own chunk: the first load carries only the shell and the page it opens.
const deploymentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'deployments',
  component: lazyRouteComponent(
    () => import('@/features/deployments/components/DeploymentsPage'),
    'DeploymentsPage',
  ),
});

const deploymentOverviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'deployments/$deploymentId',
  component: lazyRouteComponent(
    () => import('./routes/DeploymentOverviewRoute'),
    'DeploymentOverviewRoute',
  ),
});

const projectsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'projects',
  component: lazyRouteComponent(
    () => import('@/features/projects/components/ProjectsPage'),
    'ProjectsPage',
  ),
});

const apiKeysRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'api-keys',
  component: lazyRouteComponent(
    () => import('@/features/api-keys/components/ApiKeysPage'),
    'ApiKeysPage',
  ),
});

const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'users',
  staticData: { capability: 'viewAccounts' },
  component: lazyRouteComponent(() => import('@/features/users/components/UsersPage'), 'UsersPage'),
});

const platformKeysRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'platform-api-keys',
  staticData: { capability: 'managePlatformKeys' },
  component: lazyRouteComponent(
    () => import('@/features/platform-keys/components/PlatformKeysPage'),
    'PlatformKeysPage',
  ),
});

const apiReferenceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'platform-api-keys/reference',
  staticData: { capability: 'managePlatformKeys' },
  component: lazyRouteComponent(
    () => import('@/features/platform-keys/components/ApiReferencePage'),
    'ApiReferencePage',
  ),
});

const auditLogRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'audit-log',
  staticData: { capability: 'viewAuditLog' },
  // ?target=<id>: one object's events (a key's "Activity" link).
  validateSearch: (search: Record<string, unknown>): { target?: string } =>
    typeof search.target === 'string' && search.target !== '' ? { target: search.target } : {},
  component: lazyRouteComponent(
    () => import('@/features/audit/components/AuditLogPage'),
    'AuditLogPage',
  ),
});

const keyReviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'key-review',
  staticData: { capability: 'reviewKeys' },
  component: lazyRouteComponent(
    () => import('@/features/key-review/components/KeyReviewPage'),
    'KeyReviewPage',
  ),
});

const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'settings',
  staticData: { capability: 'manageSettings' },
  component: lazyRouteComponent(
    () => import('@/features/settings/components/SettingsPage'),
    'SettingsPage',
  ),
});

/** One key of either kind, on its own page. */
const keyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'keys/$keyId',
  component: lazyRouteComponent(() => import('./routes/KeyRoute'), 'KeyRoute'),
});

/** Incident response: the key a leaked secret belongs to. */
const keyFinderRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'find-key',
  staticData: { capability: 'managePlatformKeys' },
  component: lazyRouteComponent(
    () => import('@/features/key-finder/components/KeyFinderPage'),
    'KeyFinderPage',
  ),
});

/** Every account's own: second factors and sessions. */
const securityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'security',
  component: lazyRouteComponent(
    () => import('@/features/security/components/SecurityPage'),
    'SecurityPage',
  ),
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  deploymentsRoute,
  deploymentOverviewRoute,
  projectsRoute,
  apiKeysRoute,
  usersRoute,
  platformKeysRoute,
  apiReferenceRoute,
  auditLogRoute,
  keyReviewRoute,
  settingsRoute,
  keyFinderRoute,
  keyRoute,
  securityRoute,
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent' });
