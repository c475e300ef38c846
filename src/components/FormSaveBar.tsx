import { Button, Group, Text } from '@mantine/core';
import { useMutationState, type MutationKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/format';

/**
 * When a save with this key last succeeded, kept by the query client: a card whose form is made
 * anew after a save (single sign-on) still says it was saved.
 */
export function useLastSavedAt(mutationKey: MutationKey): number | undefined {
  return useMutationState({
    filters: { mutationKey, status: 'success' },
    select: (mutation) => mutation.state.submittedAt,
  }).at(-1);
}

/**
 * The foot of a settings card: whether it holds unsaved changes, or when it was saved, and Save
 * (only when there is something to save) with Discard beside it. The state is read out as it
 * changes.
 */
export function FormSaveBar(props: {
  dirty: boolean;
  pending: boolean;
  savedAt: number | undefined;
  onDiscard: () => void;
  /** Beside Save and Discard (Remove, for single sign-on). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { dateTimeSeconds } = useFormatters();
  const state = props.dirty
    ? t('common.unsavedChanges')
    : props.savedAt
      ? t('common.savedAt', { time: dateTimeSeconds(new Date(props.savedAt).toISOString()) })
      : t('common.noChanges');
  return (
    <Group>
      <Button type="submit" loading={props.pending} disabled={!props.dirty}>
        {t('common.save')}
      </Button>
      {props.dirty && (
        <Button variant="subtle" onClick={props.onDiscard} disabled={props.pending}>
          {t('common.discard')}
        </Button>
      )}
      {props.children}
      <Group gap={6} wrap="nowrap">
        {props.dirty && (
          <Text span c="orange" aria-hidden="true">
            ●
          </Text>
        )}
        <Text
          size="sm"
          role="status"
          c={props.dirty ? undefined : 'dimmed'}
          fw={props.dirty ? 600 : undefined}
        >
          {state}
        </Text>
      </Group>
    </Group>
  );
}
