import { NativeSelect } from '@mantine/core';
import { toast } from '@/lib/toast';
import { useTranslation } from 'react-i18next';
import { rolesGrantableBy, type Role } from '@contract/roles';
import type { User } from '@contract/users';
import { userDisplayName } from '@contract/user-display-name';
import { useUpdateUser } from '../api/update-user';

/** Changes a role in place; only roles the signed-in account may grant are offered. */
export function UserRoleCell({ user, actorRole }: { user: User; actorRole: Role }) {
  const { t } = useTranslation();
  const updateUser = useUpdateUser();
  const grantable = rolesGrantableBy(actorRole);
  const options = grantable.map((role) => ({ value: role, label: t(`roles.${role}`) }));

  return (
    <NativeSelect
      aria-label={t('users.changeRole', { name: userDisplayName(user) })}
      size="xs"
      maw={220}
      data={options}
      value={user.role}
      disabled={updateUser.isPending}
      onChange={(event) => {
        const role = grantable.find((candidate) => candidate === event.currentTarget.value);
        if (!role || role === user.role) return;
        updateUser.mutate(
          { id: user.id, role },
          { onSuccess: () => toast({ color: 'green', message: t('users.roleChanged') }) },
        );
      }}
    />
  );
}
