import { Alert, Badge, Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { userDisplayName } from '@contract/user-display-name';
import { DataTable } from '@/components/DataTable';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { PageLoader } from '@/components/PageLoader';
import { useCan, useCurrentSession } from '@/lib/auth';
import { useFormatters } from '@/lib/format';
import { useUsers } from '../api/get-users';
import { UserRoleCell } from './UserRoleCell';
import { UserRowActions } from './UserRowActions';

// The form and its schemas load when the dialog first opens, not with the list.
const CreateUserDialog = lazy(() =>
  import('./CreateUserDialog').then((m) => ({ default: m.CreateUserDialog })),
);

/** Accounts of the organisation: managed by Root and Administrators, read by Auditors. */
export function UsersPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const { user: me } = useCurrentSession();
  const canManage = useCan('manageAccounts');
  const users = useUsers();
  const [creating, createDialog] = useDisclosure(false);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={canManage && <Button onClick={createDialog.open}>{t('users.newUser')}</Button>}
      />
      {!canManage && (
        <Alert variant="light" mb="md">
          {t('users.readOnly')}
        </Alert>
      )}
      {users.isPending && <PageLoader />}
      {users.isError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
      {users.isSuccess && (
        <DataTable minWidth={720}>
          <thead>
            <tr>
              <th>{t('common.email')}</th>
              <th>{t('common.name')}</th>
              <th>{t('common.role')}</th>
              <th>{t('common.status')}</th>
              <th>{t('common.createdAt')}</th>
              {canManage && <th>{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => {
              const editable = canManage && user.role !== 'root' && user.id !== me.id;
              return (
                <tr key={user.id}>
                  <td>
                    {user.email}
                    {user.id === me.id && (
                      <Text span c="dimmed" size="sm">
                        {' '}
                        ({t('users.you')})
                      </Text>
                    )}
                  </td>
                  <td>{user.name ?? '—'}</td>
                  <td>
                    {editable ? (
                      <UserRoleCell user={user} actorRole={me.role} />
                    ) : (
                      t(`roles.${user.role}`)
                    )}
                  </td>
                  <td>
                    <Badge color={user.disabled ? 'gray' : 'green'} variant="light">
                      {user.disabled ? t('users.disabled') : t('users.active')}
                    </Badge>
                  </td>
                  <td>{dateTime(user.createdAt)}</td>
                  {canManage && (
                    <td>
                      {editable && <UserRowActions user={user} name={userDisplayName(user)} />}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
      {creating && (
        <Suspense>
          <CreateUserDialog onClose={createDialog.close} />
        </Suspense>
      )}
    </>
  );
}
