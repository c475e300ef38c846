import {
  Avatar,
  Group,
  Stack,
  Text,
  UnstyledButton,
  type UnstyledButtonProps,
} from '@mantine/core';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useTranslation } from 'react-i18next';
import { userDisplayName } from '@contract/user-display-name';
import { useCurrentSession } from '@/lib/auth';

type Props = UnstyledButtonProps & ComponentPropsWithoutRef<'button'>;

/** The upper-right button: named after the signed-in user, showing the role beneath. */
export const UserMenuButton = forwardRef<HTMLButtonElement, Props>(
  function UserMenuButton(props, ref) {
    const { t } = useTranslation();
    const { user } = useCurrentSession();
    const name = userDisplayName(user);
    return (
      <UnstyledButton ref={ref} aria-label={name} aria-haspopup="menu" {...props}>
        <Group gap="xs" wrap="nowrap">
          <Avatar size="sm" radius="xl" color="blue" name={name} />
          <Stack gap={0} visibleFrom="xs">
            <Text size="sm" fw={600} lh={1.2}>
              {name}
            </Text>
            <Text size="xs" c="dimmed" lh={1.2}>
              {t(`roles.${user.role}`)}
            </Text>
          </Stack>
        </Group>
      </UnstyledButton>
    );
  },
);
