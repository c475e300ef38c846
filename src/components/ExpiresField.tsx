import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyPolicy } from '@contract/key-lifecycle';
import { ApiError } from '@/lib/api-client';
import { useKeyPolicy } from '@/lib/key-lifecycle-api';

const DAY = 86_400_000;
const PRESET_DAYS = [7, 30, 90, 365] as const;
type Choice = `${(typeof PRESET_DAYS)[number]}` | 'custom' | 'never';

/** The end of the chosen day in the reader's time zone, as an instant. */
const endOfDay = (date: string) => new Date(`${date}T23:59:59`).toISOString();

/** What "Expires" offers under a policy: presets within the maximum, and "Never" only if allowed. */
export function expiryChoices(policy: KeyPolicy | undefined): Choice[] {
  const max = policy?.maxKeyLifetimeDays ?? null;
  const presets = PRESET_DAYS.filter((days) => max === null || days <= max).map(
    (days) => `${days}` as Choice,
  );
  return [
    ...presets,
    'custom',
    ...(policy?.allowNeverExpiring !== false && max === null ? (['never'] as Choice[]) : []),
  ];
}

/**
 * "Expires": 7, 30, 90 days, 1 year, a custom date, or "Never" where the organisation allows it.
 * Gives the expiry as an ISO instant, or null for never; the server holds it to the policy.
 */
export function ExpiresField({
  onChange,
  apiError,
}: {
  onChange: (expiresAt: string | null) => void;
  /** The failed save, if any: its `expiresAt` issue is shown here. */
  apiError?: unknown;
}) {
  const { t } = useTranslation();
  const policy = useKeyPolicy().data;
  const error =
    apiError instanceof ApiError
      ? apiError.fieldIssues.find((issue) => issue.path === 'expiresAt')?.message
      : undefined;
  const choices = expiryChoices(policy);
  const preferred: Choice = choices.includes('90')
    ? '90'
    : (choices.findLast((choice) => /^\d+$/.test(choice)) ?? 'custom');
  const [choice, setChoice] = useState<Choice>(preferred);
  const [date, setDate] = useState('');
  // The caller's callback may change every render; the value only changes with the choice.
  const report = useEffectEvent(onChange);

  // The policy arrives after the first render: keep the choice within it.
  if (!choices.includes(choice)) setChoice(preferred);

  useEffect(() => {
    if (choice === 'never') report(null);
    else if (choice === 'custom') report(date ? endOfDay(date) : '');
    else report(new Date(Date.now() + Number(choice) * DAY).toISOString());
  }, [choice, date]);

  const label = (value: Choice) =>
    value === 'never'
      ? t('keys.never')
      : value === 'custom'
        ? t('keys.customDate')
        : value === '365'
          ? t('keys.oneYear')
          : t('keys.days', { count: Number(value) });

  return (
    <Group grow align="flex-start">
      <NativeSelect
        label={t('keys.expires')}
        value={choice}
        onChange={(event) => setChoice(event.currentTarget.value as Choice)}
        data={choices.map((value) => ({ value, label: label(value) }))}
        error={choice === 'custom' ? undefined : error}
      />
      {choice === 'custom' && (
        <TextInput
          type="date"
          label={t('keys.customDate')}
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
          error={error}
          required
        />
      )}
    </Group>
  );
}
