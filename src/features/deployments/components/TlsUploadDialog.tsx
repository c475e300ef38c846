import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { tlsUploadRequestSchema, type TlsUploadRequest } from '@contract/deployments';
import { Dialog } from '@/components/Dialog';
import { ErrorAlert } from '@/components/ErrorAlert';
import { applyFieldIssues } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import { useSaveTls } from '../api/tls';

const PEM_STYLE = { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 };

export function TlsUploadDialog({
  deploymentId,
  replacing,
  onClose,
}: {
  deploymentId: string;
  replacing: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveTls(deploymentId);
  const form = useForm<TlsUploadRequest>({
    resolver: zodResolver(tlsUploadRequestSchema),
    defaultValues: { tlsType: 'one-way', cert: '', key: '', cacert: '' },
  });
  const { errors } = form.formState;
  const tlsType = useWatch({ control: form.control, name: 'tlsType' });

  const onSubmit = form.handleSubmit((values) =>
    save.mutate(
      { ...values, cacert: values.tlsType === 'two-way' ? values.cacert : undefined },
      {
        onSuccess: () => {
          toast({ color: 'green', message: t('tls.saved') });
          onClose();
        },
        onError: (error) => applyFieldIssues(error, form.setError, ['cert', 'key', 'cacert']),
      },
    ),
  );

  return (
    <Dialog
      opened
      onClose={onClose}
      title={replacing ? t('tls.replace') : t('tls.upload')}
      size="lg"
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {save.error && <ErrorAlert error={save.error} />}
          <Controller
            control={form.control}
            name="tlsType"
            render={({ field }) => (
              <Radio.Group label={t('tls.type')} value={field.value} onChange={field.onChange}>
                <Group mt="xs">
                  <Radio value="one-way" label={t('tls.types.one-way')} />
                  <Radio value="two-way" label={t('tls.types.two-way')} />
                </Group>
              </Radio.Group>
            )}
          />
          <Textarea
            label={t('tls.cert')}
            required
            autosize
            minRows={4}
            maxRows={10}
            styles={{ input: PEM_STYLE }}
            placeholder="-----BEGIN CERTIFICATE-----"
            error={errors.cert?.message}
            {...form.register('cert')}
          />
          <Textarea
            label={t('tls.key')}
            required
            autosize
            minRows={4}
            maxRows={10}
            styles={{ input: PEM_STYLE }}
            placeholder="-----BEGIN PRIVATE KEY-----"
            error={errors.key?.message}
            {...form.register('key')}
          />
          {tlsType === 'two-way' && (
            <Textarea
              label={t('tls.cacert')}
              required
              autosize
              minRows={4}
              maxRows={10}
              styles={{ input: PEM_STYLE }}
              placeholder="-----BEGIN CERTIFICATE-----"
              error={errors.cacert?.message}
              {...form.register('cacert')}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
