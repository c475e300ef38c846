import { Button, Group, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeploymentKey } from '@contract/deployment-keys';
import { readOnlySelection, toSelection, type IndexedCategory } from '../permission-picker-model';

/** Starting points above the grid: every GET, another key's grants, or nothing. */
export function PermissionPresets(props: {
  categories: IndexedCategory[];
  /** Other keys of this deployment whose grants can be copied. */
  otherKeys: DeploymentKey[];
  onChange: (next: Set<string>) => void;
}) {
  const { t } = useTranslation();
  const copyable = props.otherKeys.filter((key) => !key.fullAccess);
  return (
    <Group gap={4}>
      <Button
        size="xs"
        variant="default"
        onClick={() => props.onChange(readOnlySelection(props.categories))}
      >
        {t('picker.readOnly')}
      </Button>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" disabled={copyable.length === 0}>
            {t('picker.copyFromKey')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown mah={280} style={{ overflow: 'auto' }}>
          {copyable.map((key) => (
            <Menu.Item key={key.id} onClick={() => props.onChange(toSelection(key.permissions))}>
              {key.note ? `${key.note} · ${key.appId}` : key.appId}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Button size="xs" variant="default" onClick={() => props.onChange(new Set())}>
        {t('picker.clear')}
      </Button>
    </Group>
  );
}
