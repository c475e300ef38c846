import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Dialog } from '@/components/Dialog';
import { grantCategory, type IndexedCategory, type Selection } from '../permission-picker-model';

/**
 * Ticking a category that has reads and writes asks which: its reads (GET) alone, or every
 * method, each with how many permissions it adds, so a DELETE is never granted without a word.
 */
export function CategoryGrantDialog(props: {
  category: IndexedCategory;
  selection: Selection;
  onChoose: (next: Set<string>) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const read = grantCategory(props.selection, props.category, 'read');
  const all = grantCategory(props.selection, props.category, 'all');
  return (
    <Dialog
      opened
      onClose={props.onClose}
      title={t('picker.grantTitle', { category: props.category.name })}
    >
      <Stack>
        <Text size="sm">{t('picker.grantQuestion')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="light" onClick={() => props.onChoose(read)}>
            {t('picker.grantRead', { count: read.size - props.selection.size })}
          </Button>
          <Button onClick={() => props.onChoose(all)}>
            {t('picker.grantAll', { count: all.size - props.selection.size })}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
