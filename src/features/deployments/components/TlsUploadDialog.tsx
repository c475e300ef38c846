import { zodResolver } from '@hookform/resolvers/zod';
import { Group, Radio, Stack, Textarea, type TextareaProps } from '@mantine/core';
import { forwardRef, type TextareaHTMLAttributes } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { tlsUploadRequestSchema, type TlsUploadRequest } from '@contract/deployments';
import { Dialog } from '@/components/Dialog';
import { DialogActions } from '@/components/DialogActions';
import { ErrorAlert } from '@/components/ErrorAlert';
import { applyFieldIssues } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import { useSaveTls } from '../api/tls';

/** A text area for PEM material: monospace, growing with its content. */
const PemField = forwardRef<
  HTMLTextAreaElement,
  TextareaProps & TextareaHTMLAttributes<HTMLTextAreaElement>
>((props, ref) => (
  <Textarea
    ref={ref}
    required
    autosize
    minRows={4}
    maxRows={10}
    styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
    {...props}
  />
));
PemField.displayName = 'PemField';

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
          <PemField
            label={t('tls.cert')}
            placeholder="-----BEGIN CERTIFICATE-----"
            error={errors.cert?.message}
            {...form.register('cert')}
          />
          <PemField
            label={t('tls.key')}
            placeholder="-----BEGIN PRIVATE KEY-----"
            error={errors.key?.message}
            {...form.register('key')}
          />
          {tlsType === 'two-way' && (
            <PemField
              label={t('tls.cacert')}
              placeholder="-----BEGIN CERTIFICATE-----"
              error={errors.cacert?.message}
              {...form.register('cacert')}
            />
          )}
          <DialogActions
            submitLabel={t('common.save')}
            pending={save.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
