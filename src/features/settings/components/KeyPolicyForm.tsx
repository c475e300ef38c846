import { NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyPolicy } from '@contract/key-lifecycle';
import { ErrorAlert } from '@/components/ErrorAlert';
import { FormSaveBar, useLastSavedAt } from '@/components/FormSaveBar';
import { toast } from '@/lib/toast';
import { saveKeyPolicyMutationKey, useSaveKeyPolicy } from '../api/save-key-policy';

/** "Maximum key lifetime" and whether "Never" is allowed; audited by the server. */
export function KeyPolicyForm({ policy }: { policy: KeyPolicy }) {
  const { t } = useTranslation();
  const save = useSaveKeyPolicy();
  const [maxDays, setMaxDays] = useState<number | string>(policy.maxKeyLifetimeDays ?? '');
  const [allowNever, setAllowNever] = useState(policy.allowNeverExpiring);
  const savedAt = useLastSavedAt(saveKeyPolicyMutationKey);
  const dirty =
    String(maxDays) !== String(policy.maxKeyLifetimeDays ?? '') ||
    allowNever !== policy.allowNeverExpiring;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          {
            maxKeyLifetimeDays: maxDays === '' ? null : Number(maxDays),
            allowNeverExpiring: allowNever,
          },
          { onSuccess: () => toast({ color: 'green', message: t('settings.saved') }) },
        );
      }}
    >
      <Stack maw={520}>
        {save.error && <ErrorAlert error={save.error} />}
        <NumberInput
          label={t('settings.maxLifetime')}
          description={t('settings.maxLifetimeHint')}
          min={1}
          max={3650}
          allowDecimal={false}
          value={maxDays}
          onChange={setMaxDays}
        />
        <Switch
          label={t('settings.allowNever')}
          checked={allowNever}
          onChange={(event) => setAllowNever(event.currentTarget.checked)}
        />
        <Text size="sm" c="dimmed">
          {t('settings.existingKeep')}
        </Text>
        <FormSaveBar
          dirty={dirty}
          pending={save.isPending}
          savedAt={savedAt}
          onDiscard={() => {
            setMaxDays(policy.maxKeyLifetimeDays ?? '');
            setAllowNever(policy.allowNeverExpiring);
          }}
        />
      </Stack>
    </form>
  );
}
