import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What a paged list's query offers for its next page (TanStack's infinite query). */
interface PagedList {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** Every paged list's "Load more", shown while there is a next page. */
export function LoadMore({ list }: { list: PagedList }) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <Group justify="center" mt="md">
      <Button
        variant="default"
        loading={list.isFetchingNextPage}
        onClick={() => void list.fetchNextPage()}
      >
        {t('common.loadMore')}
      </Button>
    </Group>
  );
}
