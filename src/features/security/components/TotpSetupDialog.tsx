import { Button, Center, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyAction } from '@/components/CopyAction';
import { Dialog } from '@/components/Dialog';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageLoader } from '@/components/PageLoader';
import { useBeginTotp, useConfirmTotp } from '../api/security-api';
import { RecoveryCodesView } from './RecoveryCodesView';

/** Scan, confirm with a code, then save the recovery codes: the factor is on only after the code. */
export function TotpSetupDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const begin = useBeginTotp();
  const confirm = useConfirmTotp();
  const [code, setCode] = useState('');
  const { mutate: start } = begin;
  useEffect(() => start(), [start]);
  const setup = begin.data;
  const codes = confirm.data?.codes;

  return (
    <Dialog
      opened
      onClose={onClose}
      title={codes ? t('security.codesTitle') : t('security.setUpTitle')}
      size="lg"
    >
      {codes ? (
        <RecoveryCodesView codes={codes} onDone={onClose} />
      ) : (
        <Stack>
          {begin.error && <ErrorAlert error={begin.error} />}
          {begin.isPending && <PageLoader />}
          {setup && (
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                if (code.trim() !== '') confirm.mutate(code);
              }}
            >
              <Stack>
                <Text size="sm">{t('security.scan')}</Text>
                <Center>
                  {/* Dark squares on white in both colour schemes: what scanners expect. */}
                  <Image
                    src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
                    alt={t('security.qrAlt')}
                    w={200}
                    h={200}
                    bg="white"
                    p="xs"
                  />
                </Center>
                <Group align="flex-end" wrap="nowrap">
                  <TextInput
                    label={t('security.setupKey')}
                    value={setup.secret}
                    readOnly
                    ff="monospace"
                    style={{ flex: 1 }}
                  />
                  <CopyAction value={setup.secret} what={t('security.setupKey')} />
                </Group>
                {confirm.error && <ErrorAlert error={confirm.error} />}
                <TextInput
                  label={t('security.enterCode')}
                  required
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  value={code}
                  onChange={(event) => setCode(event.currentTarget.value)}
                />
                <Group justify="flex-end">
                  <Button variant="default" onClick={onClose}>
                    {t('common.cancel')}
                  </Button>
                  <Button type="submit" loading={confirm.isPending}>
                    {t('security.verify')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </Stack>
      )}
    </Dialog>
  );
}
