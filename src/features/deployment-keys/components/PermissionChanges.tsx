import { Button, List, Popover, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@contract/endpoint-catalog';
import { diffPermissions } from '@contract/permission-diff';

/** An edit's "+3 / −1", opening to the list: what Confirm will grant and take away. */
export function PermissionChanges(props: { before: Permission[]; after: Permission[] }) {
  const { t } = useTranslation();
  const { added, removed } = diffPermissions(props.before, props.after);
  const [opened, setOpened] = useState(false);
  if (added.length === 0 && removed.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('picker.noChanges')}
      </Text>
    );
  }
  return (
    <Popover position="top-start" shadow="md" withinPortal opened={opened} onChange={setOpened}>
      <Popover.Target>
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={() => setOpened((open) => !open)}
          // While open, Escape closes the list, not the dialog (see TestAccess).
          data-mantine-stop-propagation={opened || undefined}
          aria-label={t('picker.changesLabel', { added: added.length, removed: removed.length })}
        >
          <Text span c="green.8" fw={700} className="kw-diff-added">
            +{added.length}
          </Text>
          &nbsp;/&nbsp;
          <Text span c="red.8" fw={700} className="kw-diff-removed">
            −{removed.length}
          </Text>
        </Button>
      </Popover.Target>
      <Popover.Dropdown mah={320} style={{ overflow: 'auto' }}>
        {added.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              {t('picker.added', { count: added.length })}
            </Text>
            <List size="sm" mb="xs">
              {added.map((grant) => (
                <List.Item key={grant}>
                  <code>+ {grant}</code>
                </List.Item>
              ))}
            </List>
          </>
        )}
        {removed.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              {t('picker.removed', { count: removed.length })}
            </Text>
            <List size="sm">
              {removed.map((grant) => (
                <List.Item key={grant}>
                  <code>− {grant}</code>
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
