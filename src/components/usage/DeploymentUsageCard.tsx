import { Card, Group, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UsageRange } from '@contract/usage';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageLoader } from '@/components/PageLoader';
import { useDeploymentUsage } from '@/lib/usage-api';
import { RangeControl, UsageSeriesView } from './UsageSeriesView';

/** A Deployment Overview's requests through the gateway, every key together, by outcome. */
export function DeploymentUsageCard({ deploymentId }: { deploymentId: string }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<UsageRange>('24h');
  const usage = useDeploymentUsage(deploymentId, range);
  return (
    <Card withBorder component="section" aria-labelledby="usage-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="usage-heading">
          {t('usage.deploymentTitle')}
        </Title>
        <RangeControl value={range} onChange={setRange} />
      </Group>
      {usage.isPending && <PageLoader />}
      {usage.isError && <ErrorAlert error={usage.error} />}
      {usage.data && <UsageSeriesView series={usage.data} />}
    </Card>
  );
}
