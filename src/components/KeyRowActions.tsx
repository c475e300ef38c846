import { ActionIcon, Group, Menu } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyLifecycle } from '@contract/key-lifecycle';
import { DisableKeyDialog } from './DisableKeyDialog';
import { useCan } from '@/lib/auth';
import { useChangeKeyLifecycle } from '@/lib/key-lifecycle-api';
import type { KeyUsage } from '@/lib/key-usage';
import { KeyLifecycleDialogs, type KeyLifecycleDialog } from './KeyLifecycleDialogs';

const MoreIcon = () => (
  <svg width="16" height="16" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
    <circle cx="5" cy="12" r="2" />
    <circle cx="12" cy="12" r="2" />
    <circle cx="19" cy="12" r="2" />
  </svg>
);

/**
 * One key row's actions, the same for both key kinds, in one row menu: Edit, Roll secret (and
 * the one-time reveal of the new secret), Disable (asked first) or Enable, Key settings,
 * Activity (its audit events) and Delete. The row's status badge says whether it is disabled.
 */
export function KeyRowActions(props: {
  keyPath: string;
  /** The public half, as the row shows it (Key, App ID). */
  keyLabel: string;
  lifecycle: KeyLifecycle;
  labels: { id: string; secret: string };
  /** How to call with the rolled secret at once (the reveal's ready-to-run lines). */
  usage?: (secret: string) => KeyUsage;
  /** What the audit log records the key as (its App ID or Key). */
  auditTarget: string;
  onChanged: () => Promise<unknown>;
  onEdit?: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const canViewAudit = useCan('viewAuditLog');
  const toggle = useChangeKeyLifecycle(props.keyPath, props.onChanged);
  const [open, setOpen] = useState<KeyLifecycleDialog | null>(null);
  const [asking, setAsking] = useState(false);
  return (
    <Group gap="xs" wrap="nowrap">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="default"
            aria-label={t('keys.actionsFor', { key: props.keyLabel })}
            title={t('common.actions')}
          >
            <MoreIcon />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {props.onEdit && <Menu.Item onClick={props.onEdit}>{t('common.edit')}</Menu.Item>}
          <Menu.Item onClick={() => setOpen('roll')}>{t('keys.rollSecret')}</Menu.Item>
          {props.lifecycle.disabled ? (
            <Menu.Item onClick={() => toggle.mutate({ disabled: false })}>
              {t('keyPage.enable')}
            </Menu.Item>
          ) : (
            <Menu.Item onClick={() => setAsking(true)}>{t('keyPage.disable')}</Menu.Item>
          )}
          <Menu.Item onClick={() => setOpen('settings')}>{t('keys.settings')}</Menu.Item>
          {canViewAudit && (
            <Menu.Item
              component={Link}
              to="/audit-log"
              search={{ target: props.auditTarget } as never}
            >
              {t('keys.activity')}
            </Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Item color="red" onClick={props.onDelete}>
            {t('common.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <DisableKeyDialog
        opened={asking}
        keyLabel={props.keyLabel}
        pending={toggle.isPending}
        onConfirm={() => toggle.mutate({ disabled: true }, { onSuccess: () => setAsking(false) })}
        onClose={() => setAsking(false)}
      />
      <KeyLifecycleDialogs
        open={open}
        keyPath={props.keyPath}
        keyLabel={props.keyLabel}
        lifecycle={props.lifecycle}
        labels={props.labels}
        usage={props.usage}
        onChanged={props.onChanged}
        onClose={() => setOpen(null)}
      />
    </Group>
  );
}
