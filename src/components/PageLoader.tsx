import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Loading": named on its status region (a spinner's span may not carry a label of its own). */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite" aria-label={t('common.loading')}>
      <Loader aria-hidden />
    </Center>
  );
}
