import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '@/lib/auth';
import './api-keys-tabs.css';

/**
 * The two tabs of the API Keys inventory. They are links (each list is its own page and
 * address), marked as the current page where they are.
 */
export function ApiKeysTabs({ current }: { current: 'deployment' | 'platform' }) {
  const { t } = useTranslation();
  const canManagePlatformKeys = useCan('managePlatformKeys');
  if (!canManagePlatformKeys) return null;
  return (
    <nav aria-label={t('apiKeys.tabs')} className="kw-tabs">
      <Link to="/api-keys" aria-current={current === 'deployment' ? 'page' : undefined}>
        {t('apiKeys.deploymentTab')}
      </Link>
      <Link to="/platform-api-keys" aria-current={current === 'platform' ? 'page' : undefined}>
        {t('apiKeys.platformTab')}
      </Link>
    </nav>
  );
}
