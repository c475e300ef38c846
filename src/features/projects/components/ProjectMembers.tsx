import { ActionIcon, Badge, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '@contract/projects';
import { userDisplayName } from '@contract/user-display-name';
import { useAssignableAccounts } from '../api/get-assignable-accounts';
import { useSetProjectMembership } from '../api/set-project-membership';

/** Who is assigned to a project; managers assign and remove Project Administrators and Users. */
export function ProjectMembers({ project, canManage }: { project: Project; canManage: boolean }) {
  const { t } = useTranslation();
  const accounts = useAssignableAccounts(canManage);
  const membership = useSetProjectMembership();
  const [picked, setPicked] = useState('');
  const memberIds = new Set(project.members.map((member) => member.userId));
  const options = (accounts.data ?? [])
    .filter((account) => !memberIds.has(account.id))
    .map((account) => ({
      value: account.id,
      label: `${userDisplayName(account)} · ${t(`roles.${account.role}`)}`,
    }));

  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('projects.members')}
      </Text>
      {project.members.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('projects.noMembers')}
        </Text>
      ) : (
        <Group gap="xs">
          {project.members.map((member) => {
            const name = userDisplayName(member);
            return (
              <Badge
                key={member.userId}
                variant="light"
                size="lg"
                tt="none"
                rightSection={
                  canManage && (
                    <ActionIcon
                      size="xs"
                      variant="transparent"
                      aria-label={t('projects.removeMember', { name, project: project.name })}
                      onClick={() =>
                        membership.mutate({
                          projectId: project.id,
                          userId: member.userId,
                          assigned: false,
                        })
                      }
                    >
                      ×
                    </ActionIcon>
                  )
                }
              >
                {name} · {t(`roles.${member.role}`)}
              </Badge>
            );
          })}
        </Group>
      )}
      {canManage && (
        <Group align="flex-end" gap="xs">
          <NativeSelect
            label={t('projects.addMember')}
            data={[{ value: '', label: t('projects.addMemberPlaceholder') }, ...options]}
            value={picked}
            onChange={(event) => setPicked(event.currentTarget.value)}
            size="sm"
            w={320}
          />
          <Button
            size="sm"
            variant="default"
            disabled={!picked}
            loading={membership.isPending}
            onClick={() =>
              picked &&
              membership.mutate(
                { projectId: project.id, userId: picked, assigned: true },
                { onSuccess: () => setPicked('') },
              )
            }
          >
            {t('projects.assign')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
