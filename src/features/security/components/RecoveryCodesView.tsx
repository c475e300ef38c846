import { Button, Code, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyAction } from '@/components/CopyAction';
import { Dialog } from '@/components/Dialog';

/** Ten recovery codes, shown once: to copy, download, and confirm as saved. */
export function RecoveryCodesView({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const text = `${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = Object.assign(document.createElement('a'), {
      href: url,
      download: 'keyward-recovery-codes.txt',
    });
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack>
      <Text size="sm">{t('security.codesHint')}</Text>
      <SimpleGrid cols={2} spacing="xs" role="list" aria-label={t('security.codesLabel')}>
        {codes.map((code) => (
          <Code key={code} role="listitem" fz="md" ta="center">
            {code}
          </Code>
        ))}
      </SimpleGrid>
      <Group justify="space-between">
        <Group gap="xs">
          <CopyAction value={text} what={t('security.codesWhat')} label={t('security.copyCodes')} />
          <Button size="xs" variant="default" onClick={download}>
            {t('security.download')}
          </Button>
        </Group>
        <Button onClick={onDone}>{t('security.saved')}</Button>
      </Group>
    </Stack>
  );
}

/** New recovery codes on their own (after "Generate new recovery codes"). */
export function RecoveryCodesDialog({ codes, onClose }: { codes: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog opened onClose={onClose} title={t('security.codesTitle')} size="lg">
      <RecoveryCodesView codes={codes} onDone={onClose} />
    </Dialog>
  );
}
