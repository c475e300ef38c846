import { Alert, Badge, Box, Button, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { userDisplayName } from '@contract/user-display-name';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { PageLoader } from '@/components/PageLoader';
import { useCan, useCurrentSession } from '@/lib/auth';
import { useFormatters } from '@/lib/format';
import { useUsers } from '../api/get-users';
import { UserRoleCell } from './UserRoleCell';
import { UserRowActions } from './UserRowActions';

// The form and its schemas load when the dialog first opens, not with the list.
const CreateUserDialog = lazy(() => import('./CreateUserDialog').then((m) => ({ default: m.CreateUserDialog })));

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
        <Box style={{ overflowX: 'auto' }}>
          <Table striped highlightOnHover verticalSpacing="sm" miw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common.email')}</Table.Th>
                <Table.Th>{t('common.name')}</Table.Th>
                <Table.Th>{t('common.role')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>{t('common.createdAt')}</Table.Th>
                {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((user) => {
                const editable = canManage && user.role !== 'root' && user.id !== me.id;
                return (
                  <Table.Tr key={user.id}>
                    <Table.Td>
                      {user.email}
                      {user.id === me.id && (
                        <Text span c="dimmed" size="sm">
                          {' '}
                          ({t('users.you')})
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{user.name ?? '—'}</Table.Td>
                    <Table.Td>
                      {editable ? <UserRoleCell user={user} actorRole={me.role} /> : t(`roles.${user.role}`)}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={user.disabled ? 'gray' : 'green'} variant="light">
                        {user.disabled ? t('users.disabled') : t('users.active')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{dateTime(user.createdAt)}</Table.Td>
                    {canManage && (
                      <Table.Td>{editable && <UserRowActions user={user} name={userDisplayName(user)} />}</Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Box>
      )}
      {creating && (
        <Suspense>
          <CreateUserDialog onClose={createDialog.close} />
        </Suspense>
      )}
    </>
  );
}
