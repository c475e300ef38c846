import { Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformKey } from '@contract/platform-keys';
import { AnchorLink } from '@/components/AnchorLink';
import { Fact } from '@/components/Fact';
import { KeyPageActions } from '@/components/key-page/KeyPageActions';
import { KeyPageLayout, keyPageFacts } from '@/components/key-page/KeyPageLayout';
import { platformApiBase, platformKeyUsage } from '@/lib/key-usage';
import { useDeletePlatformKey } from '../api/change-platform-key';
import { platformKeyKeys } from '../api/platform-key-keys';
import { useTlsExampleDeployment } from '../api/get-tls-example-deployment';

const PlatformKeyFormDialog = lazy(() =>
  import('./PlatformKeyFormDialog').then((m) => ({ default: m.PlatformKeyFormDialog })),
);

/** One Platform API Key's own page (`/keys/<id>`), for Root and Administrators. */
export function PlatformKeyPage({ platformKey: key }: { platformKey: PlatformKey }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const remove = useDeletePlatformKey();
  const tlsExampleDeployment = useTlsExampleDeployment();
  const keyPath = `/api/console/platform-keys/${key.id}`;
  const onChanged = () => queryClient.invalidateQueries({ queryKey: platformKeyKeys.all });
  const projects =
    key.projects === null
      ? t('platformKeys.allProjects')
      : key.projects.map((project) => project.name).join(', ') || '—';
  return (
    <>
      <KeyPageLayout
        kind={t('platformKeyPage.kind')}
        back={<AnchorLink to="/platform-api-keys">← {t('platformKeyPage.back')}</AnchorLink>}
        facts={keyPageFacts(key.key, key)}
        more={<Fact label={t('platformKeys.projectScope')}>{projects}</Fact>}
        access={{
          title: t('platformKeyPage.access'),
          content: (
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {t('platformKeys.functionalityScope')}
              </Text>
              {key.scopes.map((scope) => (
                <Text key={scope} size="sm">
                  {t(`platformKeys.scopes.${scope}`)}
                </Text>
              ))}
            </Stack>
          ),
        }}
        actions={
          <KeyPageActions
            keyId={key.id}
            keyPath={keyPath}
            keyLabel={key.key}
            lifecycle={key}
            secretLabels={{ id: t('platformKeys.key'), secret: t('platformKeys.secret') }}
            usage={(secret) =>
              platformKeyUsage(
                platformApiBase(window.location.origin),
                key.key,
                secret,
                key.scopes,
                tlsExampleDeployment(key),
              )
            }
            onChanged={onChanged}
            onEdit={() => setEditing(true)}
            remove={{
              mutation: remove,
              title: t('platformKeys.deleteTitle'),
              message: t('platformKeys.deleteConfirm', { key: key.key }),
              deletedMessage: t('platformKeyPage.deleted', { key: key.key }),
              onDeleted: () => void navigate({ to: '/platform-api-keys' }),
            }}
          />
        }
        usage={{ usagePath: `${keyPath}/usage` }}
      />
      <Suspense>
        {editing && (
          <PlatformKeyFormDialog
            editing={key}
            onClose={() => {
              setEditing(false);
              void onChanged();
            }}
            onCreated={() => setEditing(false)}
          />
        )}
      </Suspense>
    </>
  );
}
