import { Card, Title } from '@mantine/core';
import { Suspense, useId, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorAlert } from './ErrorAlert';
import { PageLoader } from './PageLoader';

/**
 * One titled part of a page (a `section` named by its heading). With `query`, it shows the
 * query's loading and error states and renders `children(data)` once there is data (in a
 * Suspense boundary, for forms that load on demand).
 */
export function SectionCard<T>(
  props:
    | { title: string; children: ReactNode; query?: undefined }
    | { title: string; query: UseQueryResult<T>; children: (data: T) => ReactNode },
) {
  const id = useId();
  const { query } = props;
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {props.title}
      </Title>
      {query === undefined ? (
        <Suspense>{props.children}</Suspense>
      ) : (
        <>
          {query.isPending && <PageLoader />}
          {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
          {query.isSuccess && <Suspense>{props.children(query.data)}</Suspense>}
        </>
      )}
    </Card>
  );
}
