import { ActionIcon, Group, Menu, Switch } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyLifecycle } from '@contract/key-lifecycle';
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
 * One key row's actions, the same for both key kinds: the "Disabled" switch in view, and a row
 * menu with Edit, Roll secret (and the one-time reveal of the new secret), Key settings,
 * Activity (its audit events) and Delete, so long tables stay readable.
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
  return (
    <Group gap="xs" wrap="nowrap">
      <Switch
        size="xs"
        label={t('keys.disabled')}
        aria-label={`${t('keys.disabled')} ${props.keyLabel}`}
        checked={props.lifecycle.disabled}
        disabled={toggle.isPending}
        onChange={(event) => toggle.mutate({ disabled: event.currentTarget.checked })}
      />
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
