import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeploymentStatus } from '@contract/deployment-types';

const COLORS: Record<DeploymentStatus, string> = {
  running: 'green',
  starting: 'blue',
  stopping: 'orange',
  stopped: 'gray',
};

export function DeploymentStatusBadge({ status }: { status: DeploymentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`deployments.status.${status}`)}
    </Badge>
  );
}
