import { ERROR_CODES } from '../../contract/errors';
import { DomainError } from './domain-errors';

/** A list's keyset position, opaque to clients: base64url of its JSON. */
export const encodeCursor = (cursor: object): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

// PostgreSQL's timestamp text to the microsecond, as the lists' cursors carry it.
const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/;

export const isTimestampText = (value: unknown): value is string =>
  typeof value === 'string' && TIMESTAMP_TEXT.test(value) && !Number.isNaN(Date.parse(value));

/**
 * A cursor this list gave out, as `accept` reads its fields, or none. Anything else is a
 * malformed request (400 naming `after`), not a bad field: a cursor is opaque.
 */
export function decodeCursor<T>(text: string | undefined, accept: (fields: Record<string, unknown>) => T | undefined): T | undefined {
  if (!text) return undefined;
  try {
    const fields: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const cursor = fields && typeof fields === 'object' ? accept(fields as Record<string, unknown>) : undefined;
    if (cursor) return cursor;
  } catch {
    // fall through
  }
  throw new DomainError(400, ERROR_CODES.badRequest, 'The query string has invalid fields.', [{ path: 'after', message: 'Not a cursor this list gave out' }]);
}
