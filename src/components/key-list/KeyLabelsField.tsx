import { TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { labelEntries, type KeyLabels } from '@contract/key-label-reading';
import { KEY_LABEL_LIMITS, labelsFromEntries } from '@contract/key-labels';
import { ApiError } from '@/lib/api-client';

/** The dialog's labels as the field holds them: `name=value` entries, checked as typed. */
export const toLabelEntries = (labels: KeyLabels | undefined) =>
  labels ? labelEntries(labels) : [];

/** The first problem with the entries (the contract's words), or what the server said of them. */
function labelsProblem(entries: string[], apiError?: unknown): string | undefined {
  const read = labelsFromEntries(entries);
  if ('problem' in read) return read.problem;
  return apiError instanceof ApiError
    ? apiError.fieldIssues.find((issue) => issue.path.startsWith('labels'))?.message
    : undefined;
}

/** "Labels": `team=payments`, `env=prod`; each entry becomes a tag on Enter, a comma or leaving. */
export function KeyLabelsField(props: {
  value: string[];
  onChange: (entries: string[]) => void;
  apiError?: unknown;
}) {
  const { t } = useTranslation();
  return (
    <TagsInput
      label={t('keyLabels.field')}
      description={t('keyLabels.fieldHint', { count: KEY_LABEL_LIMITS.count })}
      placeholder={t('keyLabels.fieldPlaceholder')}
      value={props.value}
      onChange={props.onChange}
      maxTags={KEY_LABEL_LIMITS.count}
      acceptValueOnBlur
      clearable
      error={labelsProblem(props.value, props.apiError)}
    />
  );
}
