import { z } from 'zod';
import { PLATFORM_SCOPES } from '@contract/platform-scopes';
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
  })
  .refine((form) => form.projectScope === 'all' || form.projectIds.length > 0, {
    path: ['projectIds'],
    message: 'Choose at least one project, or all projects',
  });
export type PlatformKeyForm = z.infer<typeof platformKeyFormSchema>;

export function toPlatformKeyRequest(form: PlatformKeyForm): CreatePlatformKeyRequest {
  return {
    note: form.note,
    scopes: form.scopes,
    projectIds: form.projectScope === 'all' ? null : form.projectIds,
  };
}

export function toPlatformKeyForm(key?: PlatformKey): PlatformKeyForm {
  if (!key) return { note: '', scopes: [], projectScope: 'all', projectIds: [] };
  return {
    note: key.note,
    scopes: key.scopes,
    projectScope: key.projects === null ? 'all' : 'selected',
    projectIds: key.projects?.map((project) => project.id) ?? [],
  };
}
