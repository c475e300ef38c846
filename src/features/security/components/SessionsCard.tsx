import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSession } from '@contract/security';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { DataTable } from '@/components/DataTable';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageLoader } from '@/components/PageLoader';
import { useFormatters } from '@/lib/format';
import { toast } from '@/lib/toast';
import { useAccountSessions, useEndAllSessions, useEndSession } from '../api/security-api';
import { describeDevice } from '../device';

/** Where the account is signed in, with "Sign out" per session and everywhere. */
export function SessionsCard() {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const sessions = useAccountSessions();
  const endOne = useEndSession();
  const endAll = useEndAllSessions();
  const [confirmingAll, setConfirmingAll] = useState(false);
  const deviceName = (session: AccountSession) => {
    const device = describeDevice(session.userAgent);
    return device ? t('security.deviceOn', device) : t('security.unknownDevice');
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('security.sessionsHint')}
      </Text>
      {sessions.isPending && <PageLoader />}
      {sessions.isError && (
        <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      )}
      {endOne.error && <ErrorAlert error={endOne.error} />}
      {sessions.isSuccess && (
        <DataTable minWidth={640} label={t('security.sessions')}>
          <thead>
            <tr>
              <th>{t('security.device')}</th>
              <th>{t('security.address')}</th>
              <th>{t('security.signedIn')}</th>
              <th>{t('security.lastSeen')}</th>
              <th>{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.sessions.map((session) => (
              <tr key={session.id}>
                <td title={session.userAgent ?? undefined}>{deviceName(session)}</td>
                <td>{session.address ?? '—'}</td>
                <td>{dateTime(session.createdAt)}</td>
                <td>{dateTime(session.lastSeenAt)}</td>
                <td>
                  {session.current ? (
                    <Badge variant="light">{t('security.thisSession')}</Badge>
                  ) : (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('security.signOutOf', { device: deviceName(session) })}
                      loading={endOne.isPending && endOne.variables === session.id}
                      onClick={() =>
                        endOne.mutate(session.id, {
                          onSuccess: () =>
                            toast({ color: 'green', message: t('security.signedOut') }),
                        })
                      }
                    >
                      {t('security.signOut')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <Group>
        <Button variant="light" color="red" onClick={() => setConfirmingAll(true)}>
          {t('security.signOutEverywhere')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirmingAll}
        title={t('security.signOutEverywhere')}
        message={t('security.signOutEverywhereConfirm')}
        confirmLabel={t('security.signOutEverywhere')}
        pending={endAll.isPending}
        onClose={() => setConfirmingAll(false)}
        onConfirm={() => endAll.mutate()}
      />
    </Stack>
  );
}
