import { Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@contract/audit';
import { translateOr } from '@/lib/translate-or';

/** Where an event's target lives in the console, if it has a page. */
function pageOf(event: AuditEvent): { to: string; params?: Record<string, string> } | null {
  switch (event.targetType) {
    case 'deployment':
      return event.targetId
        ? { to: '/deployments/$deploymentId', params: { deploymentId: event.targetId } }
        : null;
    case 'deployment_key': {
      const deployment = event.details?.deployment;
      return typeof deployment === 'string'
        ? { to: '/deployments/$deploymentId', params: { deploymentId: deployment } }
        : null;
    }
    case 'platform_key':
      return { to: '/platform-api-keys' };
    case 'user':
      return { to: '/users' };
    case 'project':
      return { to: '/projects' };
    case 'organization':
      return { to: '/settings' };
    default:
      return null;
  }
}

/** The object an event changed: its name linking to its page, and its id (a key's App ID). */
export function AuditTarget({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const label = event.targetLabel ?? event.targetId ?? '—';
  const page = pageOf(event);
  return (
    <>
      {page ? (
        <Anchor component={Link} to={page.to as never} params={page.params as never} size="sm">
          {label}
        </Anchor>
      ) : (
        label
      )}
      <Text size="xs" c="dimmed">
        {translateOr(t, `audit.targetTypes.${event.targetType}`, event.targetType)}
        {event.targetId && event.targetId !== label && (
          <>
            {' · '}
            <code>{event.targetId}</code>
          </>
        )}
      </Text>
    </>
  );
}
