import { Anchor, AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useRouterState } from '@tanstack/react-router';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './notifications.css';
import { ConfirmItsYouHost } from '@/components/ConfirmItsYouHost';
import { NoAccess } from '@/components/NoAccess';
import { useCan } from '@/lib/auth';
import { UserMenu } from './UserMenu';

// Toasts are never needed to paint the first page: their renderer loads right after it.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

/** The signed-in console: header, navigation, and the page (or "no access" where the role may not go). */
export function AppLayout({ allowed, children }: { allowed: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const canViewUsers = useCan('viewAccounts');
  const canViewAudit = useCan('viewAuditLog');
  const canReviewKeys = useCan('reviewKeys');
  const canManageSettings = useCan('manageSettings');
  const canFindKeys = useCan('managePlatformKeys');

  const entries: { to: string; label: string; visible: boolean; also?: string }[] = [
    { to: '/deployments', label: t('nav.deployments'), visible: true },
    { to: '/projects', label: t('nav.projects'), visible: true },
    // Its two tabs: Deployment API Keys here, Platform API Keys on their own address.
    { to: '/api-keys', label: t('nav.apiKeys'), visible: true, also: '/platform-api-keys' },
    { to: '/users', label: t('nav.users'), visible: canViewUsers },
    { to: '/key-review', label: t('nav.keyReview'), visible: canReviewKeys },
    { to: '/audit-log', label: t('nav.auditLog'), visible: canViewAudit },
    { to: '/find-key', label: t('nav.findKey'), visible: canFindKeys },
    { to: '/settings', label: t('nav.settings'), visible: canManageSettings },
    // Every account's own second factors and sessions (also in the account menu).
    { to: '/security', label: t('nav.security'), visible: true },
  ];

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('app.toggleNavigation')}
            />
            <Anchor href="#main" className="skip-link">
              {t('app.skipToContent')}
            </Anchor>
            <Text fw={700} size="lg">
              {t('app.name')}
            </Text>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('app.mainNavigation')}>
        {entries
          .filter((entry) => entry.visible)
          .map((entry) => {
            const active =
              pathname.startsWith(entry.to) ||
              (entry.also !== undefined && pathname.startsWith(entry.also));
            return (
              <NavLink
                key={entry.to}
                component={Link}
                to={entry.to}
                label={entry.label}
                active={active}
                aria-current={active ? 'page' : undefined}
                variant="filled"
                onClick={nav.close}
              />
            );
          })}
      </AppShell.Navbar>
      <AppShell.Main id="main">{allowed ? children : <NoAccess />}</AppShell.Main>
      <ConfirmItsYouHost />
      <Suspense>
        <Notifications position="top-right" />
      </Suspense>
    </AppShell>
  );
}
