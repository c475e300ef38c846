import { Button, Group, List, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyUsageReport } from '@contract/usage';
import type { Permission } from '@contract/endpoint-catalog';

const DAY = 24 * 3_600_000;

/**
 * Which of a key's grants it actually used in the last 30 or 90 days: least privilege measured.
 * "Trim to used" opens the key's edit dialog with only those ticked (nothing changes until
 * Confirm).
 */
export function UsedVsGranted(props: {
  grants: Permission[];
  forwarded: KeyUsageReport['forwarded'];
  onTrim?: (used: Permission[]) => void;
}) {
  const { t } = useTranslation();
  const [days, setDays] = useState('30');
  const [now] = useState(() => Date.now());
  const since = now - Number(days) * DAY;
  const usedKeys = new Set(
    props.forwarded
      .filter((row) => Date.parse(row.lastAt) >= since)
      .map((row) => `${row.method} ${row.endpoint}`),
  );
  const used = props.grants.filter((grant) => usedKeys.has(`${grant.method} ${grant.path}`));
  const unused = props.grants.filter((grant) => !usedKeys.has(`${grant.method} ${grant.path}`));
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('usage.usedVsGranted')}
        </Title>
        <SegmentedControl
          size="xs"
          value={days}
          onChange={setDays}
          aria-label={t('usage.range')}
          data={[
            { value: '30', label: t('usage.ranges.30d') },
            { value: '90', label: t('usage.ranges.90d') },
          ]}
        />
      </Group>
      <Text size="sm">
        {t('usage.grantsUsed', { used: used.length, count: props.grants.length })}
      </Text>
      {unused.length > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {t('usage.unusedGrants')}
          </Text>
          <List size="sm">
            {unused.map((grant) => (
              <List.Item key={`${grant.method} ${grant.path}`}>
                <code>
                  {grant.method} {grant.path}
                </code>
              </List.Item>
            ))}
          </List>
          {props.onTrim && used.length > 0 && (
            <Group>
              <Button size="xs" variant="light" onClick={() => props.onTrim!(used)}>
                {t('usage.trim')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
