import { z } from 'zod';
import { isoDateTimeSchema } from './fields';

/** Why a key is on the Key review page. */
export const REVIEW_REASONS = ['unused_30d', 'never_expires', 'full_access', 'many_grants', 'creator_gone'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** A Deployment API Key holding more grants than this is worth a second look. */
export const MANY_GRANTS = 50;

export const reviewedKeySchema = z.object({
  kind: z.enum(['deployment', 'platform']),
  id: z.uuid(),
  /** App ID or Key. */
  label: z.string(),
  note: z.string(),
  deployment: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdBy: z.string().nullable(),
  createdAt: isoDateTimeSchema.nullable(),
  lastUsedAt: isoDateTimeSchema.nullable(),
  expiresAt: isoDateTimeSchema.nullable(),
  /** Refused by both APIs until enabled again. */
  disabled: z.boolean(),
  grants: z.number().int().nullable(),
  reasons: z.array(z.enum(REVIEW_REASONS)),
  reviewedAt: isoDateTimeSchema.nullable(),
  reviewedBy: z.string().nullable(),
});
export type ReviewedKey = z.infer<typeof reviewedKeySchema>;
export const keyReviewListSchema = z.object({ keys: z.array(reviewedKeySchema) });
export const keyReviewParamsSchema = z.object({ kind: z.enum(['deployment', 'platform']), id: z.uuid() });
