import { zodResolver } from '@hookform/resolvers/zod';
import { Stack, Text } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { upstreamChangeRequestSchema, type Deployment } from '@contract/deployments';
import { Dialog } from '@/components/Dialog';
import { DialogActions } from '@/components/DialogActions';
import { ErrorAlert } from '@/components/ErrorAlert';
import { applyFieldIssues } from '@/lib/form-errors';
import { toast } from '@/lib/toast';
import { useChangeUpstream } from '../api/change-upstream';
import { UpstreamFields } from './UpstreamFields';

type FormInput = z.input<typeof upstreamChangeRequestSchema>;
type FormOutput = z.output<typeof upstreamChangeRequestSchema>;

/**
 * Replaces where the gateway forwards (all three fields), or removes it (all three empty). The
 * secret is never shown, so a change always asks for it again.
 */
export function UpstreamDialog({
  deployment,
  onClose,
}: {
  deployment: Deployment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const change = useChangeUpstream();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(upstreamChangeRequestSchema),
    defaultValues: {
      upstreamUrl: deployment.upstreamUrl ?? '',
      upstreamApiKey: deployment.upstreamApiKey ?? '',
      upstreamApiSecret: '',
    },
  });

  const onSubmit = form.handleSubmit((values) =>
    change.mutate(
      { id: deployment.id, ...values },
      {
        onSuccess: () => {
          toast({ color: 'green', message: t('deployments.upstreamSaved') });
          onClose();
        },
        onError: (error) =>
          applyFieldIssues(error, form.setError, [
            'upstreamUrl',
            'upstreamApiKey',
            'upstreamApiSecret',
          ]),
      },
    ),
  );

  return (
    <Dialog opened onClose={onClose} title={t('deployments.editUpstream')} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {change.error && <ErrorAlert error={change.error} />}
          <UpstreamFields
            register={(field) => form.register(field)}
            errors={form.formState.errors}
          />
          <Text size="sm" c="dimmed">
            {t('deployments.upstreamRemoveHint')}
          </Text>
          <DialogActions
            submitLabel={t('common.save')}
            pending={change.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
