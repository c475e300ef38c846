import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/AnchorLink';
import { useCan } from '@/lib/auth';
import { useFormatters } from '@/lib/format';
import { useExpiringKeys } from '../api/get-expiring-keys';

const SHOWN = 5;

/** For those who manage keys: the keys that stop working within a week, each a link to its list. */
export function ExpiringKeysBanner() {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const mayManage = useCan('configureDeployments');
  const keys = useExpiringKeys(mayManage);
  if (!keys.data || keys.data.length === 0) return null;
  return (
    <Alert color="orange" mb="md" title={t('keys.expiringBanner', { count: keys.data.length })}>
      <List size="sm">
        {keys.data.slice(0, SHOWN).map((key) => (
          <List.Item key={key.id}>
            {key.kind === 'platform' ? (
              <AnchorLink to="/platform-api-keys">{key.key}</AnchorLink>
            ) : (
              <AnchorLink
                to="/deployments/$deploymentId"
                params={{ deploymentId: key.deploymentId! }}
              >
                {key.deploymentName} · {key.key}
              </AnchorLink>
            )}{' '}
            ({dateTime(key.expiresAt)})
          </List.Item>
        ))}
        {keys.data.length > SHOWN && <List.Item>…</List.Item>}
      </List>
    </Alert>
  );
}
