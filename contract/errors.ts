import { z } from 'zod';
import { ERROR_CODE_LIST, ERRORS } from './error-codes';

/** The one error shape every Keyward API answers with (DESIGN.md section 2). */
export const apiErrorSchema = z.object({
  /** One of the registry's codes (contract/error-codes.ts), each documented with its meaning. */
  code: z.enum(ERROR_CODE_LIST).describe(ERROR_CODE_LIST.map((code) => `${code}: ${ERRORS[code].en}`).join('\n')),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** One entry of `details` on a 422: which field failed and why. */
export const fieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export { ERROR_CODES, ERRORS, type ErrorCode } from './error-codes';
