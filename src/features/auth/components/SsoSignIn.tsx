import { Alert, Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SSO_ERRORS, type SsoError } from '@contract/sso-errors';
import { useSsoStatus } from '../sso-status';

/** Why the provider's way back ended here (?sso_error=...), read once and taken off the address. */
function takeSsoError(): SsoError | undefined {
  const url = new URL(window.location.href);
  const reason = url.searchParams.get('sso_error');
  if (reason === null) return undefined;
  url.searchParams.delete('sso_error');
  window.history.replaceState(window.history.state, '', url);
  return (SSO_ERRORS as readonly string[]).includes(reason) ? (reason as SsoError) : 'failed';
}

/** "Sign in with SSO", when the organisation has a provider, and what went wrong last time. */
export function SsoSignIn() {
  const { t } = useTranslation();
  const status = useSsoStatus();
  const [error] = useState(takeSsoError);
  return (
    <>
      {error && (
        <Alert color="red" variant="light" role="alert" title={t('signIn.ssoFailed')}>
          {t(`signIn.ssoErrors.${error}`)}
        </Alert>
      )}
      {status.data?.enabled && (
        <Button component="a" href="/api/console/sso/start" variant="default">
          {t('signIn.withSso')}
        </Button>
      )}
    </>
  );
}
