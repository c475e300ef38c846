import { Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TWO_FACTOR_POLICIES, type TwoFactorPolicy } from '@contract/security-codes';
import { ErrorAlert } from '@/components/ErrorAlert';
import { FormSaveBar, useLastSavedAt } from '@/components/FormSaveBar';
import { toast } from '@/lib/toast';
import { saveTwoFactorPolicyMutationKey, useSaveTwoFactorPolicy } from '../api/two-factor-policy';

/** "Require two-factor authentication": for nobody, Root and Administrators, or everyone. */
export function TwoFactorPolicyForm({ policy }: { policy: TwoFactorPolicy }) {
  const { t } = useTranslation();
  const save = useSaveTwoFactorPolicy();
  const [chosen, setChosen] = useState<TwoFactorPolicy>(policy);
  const savedAt = useLastSavedAt(saveTwoFactorPolicyMutationKey);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(chosen, {
          onSuccess: () => toast({ color: 'green', message: t('twoFactorPolicy.saved') }),
        });
      }}
    >
      <Stack maw={520}>
        {save.error && <ErrorAlert error={save.error} />}
        <Radio.Group
          label={t('twoFactorPolicy.label')}
          value={chosen}
          onChange={(value) => setChosen(value as TwoFactorPolicy)}
        >
          <Stack gap="xs" mt="xs">
            {TWO_FACTOR_POLICIES.map((value) => (
              <Radio key={value} value={value} label={t(`twoFactorPolicy.${value}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Text size="sm" c="dimmed">
          {t('twoFactorPolicy.hint')}
        </Text>
        <FormSaveBar
          dirty={chosen !== policy}
          pending={save.isPending}
          savedAt={savedAt}
          onDiscard={() => setChosen(policy)}
        />
      </Stack>
    </form>
  );
}
