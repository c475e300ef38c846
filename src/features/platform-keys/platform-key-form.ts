import { z } from 'zod';
import { PLATFORM_SCOPES } from '@contract/platform-scopes';
import { labelEntries } from '@contract/key-label-reading';
import { labelsFromEntries } from '@contract/key-labels';
import type { CreatePlatformKeyRequest, PlatformKey } from '@contract/platform-keys';

/** The dialog's shape: Project Scope as a choice plus a list, where the API takes null or ids. */
export const platformKeyFormSchema = z
  .object({
    note: z.string().trim().max(255, { message: 'At most 255 characters' }),
    scopes: z
      .array(z.enum(PLATFORM_SCOPES))
      .min(1, { message: 'Choose at least one functionality' }),
    projectScope: z.enum(['all', 'selected']),
    projectIds: z.array(z.string()),
    /** `name=value` entries, as the labels field holds them. */
    labels: z.array(z.string()).superRefine((entries, context) => {
      const read = labelsFromEntries(entries);
      if ('problem' in read) context.addIssue({ code: 'custom', message: read.problem });
    }),
  })
  .refine((form) => form.projectScope === 'all' || form.projectIds.length > 0, {
    path: ['projectIds'],
    message: 'Choose at least one project, or all projects',
  });
export type PlatformKeyForm = z.infer<typeof platformKeyFormSchema>;

export function toPlatformKeyRequest(form: PlatformKeyForm): CreatePlatformKeyRequest {
  // The form's schema has checked the entries: they always read as labels here.
  const read = labelsFromEntries(form.labels);
  return {
    note: form.note,
    scopes: form.scopes,
    projectIds: form.projectScope === 'all' ? null : form.projectIds,
    labels: 'labels' in read ? read.labels : {},
  };
}

export function toPlatformKeyForm(key?: PlatformKey): PlatformKeyForm {
  if (!key) return { note: '', scopes: [], projectScope: 'all', projectIds: [], labels: [] };
  return {
    note: key.note,
    scopes: key.scopes,
    projectScope: key.projects === null ? 'all' : 'selected',
    projectIds: key.projects?.map((project) => project.id) ?? [],
    labels: labelEntries(key.labels),
  };
}
