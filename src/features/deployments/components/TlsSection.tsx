import { Badge, Button, Card, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageLoader } from '@/components/PageLoader';
import { useFormatters } from '@/lib/format';
import { useDeleteTls, useTls } from '../api/tls';

const TlsUploadDialog = lazy(() =>
  import('./TlsUploadDialog').then((m) => ({ default: m.TlsUploadDialog })),
);

/** The deployment's one TLS certificate (EMQX Platform allows one per deployment). */
export function TlsSection({
  deploymentId,
  canManage,
}: {
  deploymentId: string;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const tls = useTls(deploymentId);
  const remove = useDeleteTls(deploymentId);
  const [uploading, setUploading] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const certificate = tls.data;

  return (
    <Card withBorder component="section" aria-labelledby="tls-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="tls-heading">
          {t('tls.title')}
        </Title>
        {canManage && tls.isSuccess && (
          <Group gap="xs">
            <Button
              size="xs"
              variant={certificate ? 'default' : 'filled'}
              onClick={() => setUploading(true)}
            >
              {certificate ? t('tls.replace') : t('tls.upload')}
            </Button>
            {certificate && (
              <Button
                size="xs"
                variant="light"
                color="red"
                onClick={() => setConfirmingDelete(true)}
              >
                {t('tls.delete')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {tls.isPending && <PageLoader />}
      {tls.isError && <ErrorAlert error={tls.error} onRetry={() => void tls.refetch()} />}
      {tls.isSuccess && !certificate && (
        <Text size="sm" c="dimmed">
          {t('tls.none')}
        </Text>
      )}
      {certificate && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="light">{t(`tls.types.${certificate.tlsType}`)}</Badge>
            {certificate.expiresWithin30Days && (
              <Badge color="orange" variant="filled">
                {t('tls.expiringSoon')}
              </Badge>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <div>
              <Text size="xs" c="dimmed" fw={600}>
                {t('tls.subject')}
              </Text>
              <Text size="sm">{certificate.subject}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed" fw={600}>
                {t('tls.issuer')}
              </Text>
              <Text size="sm">{certificate.issuer}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed" fw={600}>
                {t('tls.sans')}
              </Text>
              <Text size="sm">{certificate.subjectAltNames.join(', ') || '—'}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed" fw={600}>
                {t('tls.validity')}
              </Text>
              <Text size="sm">
                {dateTime(certificate.validFrom)} – {dateTime(certificate.validTo)}
              </Text>
            </div>
          </SimpleGrid>
          <div>
            <Text size="xs" c="dimmed" fw={600}>
              {t('tls.fingerprint')}
            </Text>
            <Code style={{ wordBreak: 'break-all' }}>{certificate.fingerprint256}</Code>
          </div>
        </Stack>
      )}
      {uploading && (
        <Suspense>
          <TlsUploadDialog
            deploymentId={deploymentId}
            replacing={Boolean(certificate)}
            onClose={() => setUploading(false)}
          />
        </Suspense>
      )}
      <ConfirmDialog
        opened={confirmingDelete}
        title={t('tls.delete')}
        message={t('tls.deleteConfirm')}
        confirmLabel={t('common.delete')}
        pending={remove.isPending}
        onClose={() => setConfirmingDelete(false)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirmingDelete(false) })}
      />
    </Card>
  );
}
