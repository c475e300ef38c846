import {
  Button,
  Group,
  NativeSelect,
  PasswordInput,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SsoSettings } from '@contract/sso';
import { ASSIGNABLE_ROLES, type AssignableRole } from '@contract/roles';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { CopyAction } from '@/components/CopyAction';
import { ErrorAlert } from '@/components/ErrorAlert';
import { FormSaveBar, useLastSavedAt } from '@/components/FormSaveBar';
import { toast } from '@/lib/toast';
import {
  saveSsoSettingsMutationKey,
  useRemoveSsoSettings,
  useSaveSsoSettings,
} from '../api/sso-settings';

/** The form's fields as typed; the client secret is never shown, only replaced. */
const draftOf = (settings: SsoSettings) => ({
  issuer: settings.issuer,
  clientId: settings.clientId,
  clientSecret: '',
  domains: settings.allowedDomains.join(', '),
  defaultRole: settings.defaultRole,
  ssoOnly: settings.ssoOnly,
});
type SsoDraft = ReturnType<typeof draftOf>;

/** The organisation's OpenID Connect provider: where it is, who may come in, and as what. */
export function SsoSettingsForm({ settings }: { settings: SsoSettings }) {
  const { t } = useTranslation();
  const save = useSaveSsoSettings();
  const remove = useRemoveSsoSettings();
  const saved = draftOf(settings);
  const [draft, setDraft] = useState<SsoDraft>(saved);
  const set = <F extends keyof SsoDraft>(field: F, value: SsoDraft[F]) =>
    setDraft((current) => ({ ...current, [field]: value }));
  const dirty = (Object.keys(saved) as (keyof SsoDraft)[]).some(
    (field) => draft[field] !== saved[field],
  );
  const savedAt = useLastSavedAt(saveSsoSettingsMutationKey);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          {
            issuer: draft.issuer.trim(),
            clientId: draft.clientId.trim(),
            ...(draft.clientSecret ? { clientSecret: draft.clientSecret } : {}),
            allowedDomains: draft.domains.split(/[\s,]+/).filter(Boolean),
            defaultRole: draft.defaultRole,
            ssoOnly: draft.ssoOnly,
          },
          // The page makes a new form from what was saved.
          { onSuccess: () => toast({ color: 'green', message: t('sso.saved') }) },
        );
      }}
    >
      <Stack maw={620}>
        <Text size="sm" c="dimmed">
          {t('sso.hint')}
        </Text>
        {(save.error ?? remove.error) && <ErrorAlert error={save.error ?? remove.error} />}
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label={t('sso.redirectUri')}
            description={t('sso.redirectUriHint')}
            value={settings.redirectUri}
            readOnly
            style={{ flex: 1 }}
          />
          <CopyAction value={settings.redirectUri} what={t('sso.redirectUri')} />
        </Group>
        <TextInput
          label={t('sso.issuer')}
          placeholder="https://login.example.com"
          required
          value={draft.issuer}
          onChange={(event) => set('issuer', event.currentTarget.value)}
        />
        <TextInput
          label={t('sso.clientId')}
          required
          value={draft.clientId}
          onChange={(event) => set('clientId', event.currentTarget.value)}
        />
        <PasswordInput
          label={t('sso.clientSecret')}
          required={!settings.hasClientSecret}
          placeholder={settings.hasClientSecret ? t('sso.secretKept') : undefined}
          autoComplete="off"
          value={draft.clientSecret}
          onChange={(event) => set('clientSecret', event.currentTarget.value)}
        />
        <TextInput
          label={t('sso.domains')}
          description={t('sso.domainsHint')}
          placeholder="example.com"
          value={draft.domains}
          onChange={(event) => set('domains', event.currentTarget.value)}
        />
        <NativeSelect
          label={t('sso.defaultRole')}
          description={t('sso.defaultRoleHint')}
          value={draft.defaultRole}
          onChange={(event) => set('defaultRole', event.currentTarget.value as AssignableRole)}
          data={ASSIGNABLE_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
        <Switch
          label={t('sso.ssoOnly')}
          description={t('sso.ssoOnlyHint')}
          checked={draft.ssoOnly}
          onChange={(event) => set('ssoOnly', event.currentTarget.checked)}
        />
        <FormSaveBar
          dirty={dirty}
          pending={save.isPending}
          savedAt={savedAt}
          onDiscard={() => setDraft(saved)}
        >
          {settings.configured && (
            <Button variant="light" color="red" onClick={() => setConfirmingRemove(true)}>
              {t('sso.remove')}
            </Button>
          )}
        </FormSaveBar>
      </Stack>
      <ConfirmDialog
        opened={confirmingRemove}
        title={t('sso.remove')}
        message={t('sso.removeConfirm')}
        confirmLabel={t('sso.remove')}
        pending={remove.isPending}
        onClose={() => setConfirmingRemove(false)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirmingRemove(false) })}
      />
    </form>
  );
}
