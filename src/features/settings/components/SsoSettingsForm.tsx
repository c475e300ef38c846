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
import { toast } from '@/lib/toast';
import { useRemoveSsoSettings, useSaveSsoSettings } from '../api/sso-settings';

/** The organisation's OpenID Connect provider: where it is, who may come in, and as what. */
export function SsoSettingsForm({ settings }: { settings: SsoSettings }) {
  const { t } = useTranslation();
  const save = useSaveSsoSettings();
  const remove = useRemoveSsoSettings();
  const [issuer, setIssuer] = useState(settings.issuer);
  const [clientId, setClientId] = useState(settings.clientId);
  const [clientSecret, setClientSecret] = useState('');
  const [domains, setDomains] = useState(settings.allowedDomains.join(', '));
  const [defaultRole, setDefaultRole] = useState<AssignableRole>(settings.defaultRole);
  const [ssoOnly, setSsoOnly] = useState(settings.ssoOnly);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          {
            issuer: issuer.trim(),
            clientId: clientId.trim(),
            ...(clientSecret ? { clientSecret } : {}),
            allowedDomains: domains.split(/[\s,]+/).filter(Boolean),
            defaultRole,
            ssoOnly,
          },
          {
            onSuccess: () => {
              setClientSecret('');
              toast({ color: 'green', message: t('sso.saved') });
            },
          },
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
          value={issuer}
          onChange={(event) => setIssuer(event.currentTarget.value)}
        />
        <TextInput
          label={t('sso.clientId')}
          required
          value={clientId}
          onChange={(event) => setClientId(event.currentTarget.value)}
        />
        <PasswordInput
          label={t('sso.clientSecret')}
          required={!settings.hasClientSecret}
          placeholder={settings.hasClientSecret ? t('sso.secretKept') : undefined}
          autoComplete="off"
          value={clientSecret}
          onChange={(event) => setClientSecret(event.currentTarget.value)}
        />
        <TextInput
          label={t('sso.domains')}
          description={t('sso.domainsHint')}
          placeholder="example.com"
          value={domains}
          onChange={(event) => setDomains(event.currentTarget.value)}
        />
        <NativeSelect
          label={t('sso.defaultRole')}
          description={t('sso.defaultRoleHint')}
          value={defaultRole}
          onChange={(event) => setDefaultRole(event.currentTarget.value as AssignableRole)}
          data={ASSIGNABLE_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
        <Switch
          label={t('sso.ssoOnly')}
          description={t('sso.ssoOnlyHint')}
          checked={ssoOnly}
          onChange={(event) => setSsoOnly(event.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          {settings.configured && (
            <Button variant="light" color="red" onClick={() => setConfirmingRemove(true)}>
              {t('sso.remove')}
            </Button>
          )}
        </Group>
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
