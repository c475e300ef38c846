/** PostgreSQL's SQLSTATE for a unique violation, as PGlite and node-postgres both report it. */
const UNIQUE_VIOLATION = '23505';

function sqlState(error: unknown): string | undefined {
  // drizzle wraps driver errors; the SQLSTATE sits on the error or on its cause.
  for (let current = error; current && typeof current === 'object'; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === UNIQUE_VIOLATION;
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

/**
 * The database is unreachable (refused, dropped, shutting down), as opposed to a query that
 * failed: SQLSTATE classes 08 (connection exception) and 57P (operator intervention), socket
 * errors, and node-postgres's own "connection terminated" errors.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error; current && typeof current === 'object'; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('08') || code.startsWith('57P') || CONNECTION_CODES.has(code))) return true;
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string' && /connection terminated|Connection terminated|timeout exceeded when trying to connect/i.test(message)) return true;
  }
  return false;
}

/**
 * What a log line may say about a failed query: its SQLSTATE and which statement it was, never
 * its parameters or the driver's message (both can quote the values: password hashes, key
 * HMACs, sealed secrets, certificates). Any other error is returned as it is.
 */
export function loggableError(error: unknown): unknown {
  const code = sqlState(error);
  const query = (error as { query?: unknown } | undefined)?.query;
  if (code === undefined && typeof query !== 'string') return error;
  return {
    type: 'DatabaseError',
    code: code ?? 'unknown',
    // The statement with its placeholders ($1, ...): the values are parameters, never inlined.
    ...(typeof query === 'string' ? { statement: query.replace(/\s+/g, ' ').slice(0, 120) } : {}),
  };
}
