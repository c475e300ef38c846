import { ERROR_CODES, type ApiErrorBody } from '../../contract/errors';
import { isDatabaseUnavailable, loggableError } from '../db/postgres-errors';
import { DomainError, TooManyRequestsError } from './domain-errors';

/** What a failed request is answered: status, the documented body, and any header it needs. */
export interface ErrorAnswer {
  status: number;
  body: ApiErrorBody;
  retryAfterSeconds?: number;
}

interface ErrorLog {
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/**
 * The one mapping from a thrown error to its answer, for Fastify's error handler and the
 * gateway's own front alike. Domain errors say what went wrong; a 4xx from a library says as
 * little as it must; anything unexpected is logged here and answered with a bare 500, never a
 * stack trace or an internal message.
 */
export function errorAnswerOf(error: unknown, log: ErrorLog): ErrorAnswer {
  if (error instanceof DomainError) {
    return {
      status: error.statusCode,
      body: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) },
      ...(error instanceof TooManyRequestsError ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (status === 429) {
    // Every 429 says when to come back (clients such as the Terraform provider wait for it).
    return { status, body: { code: ERROR_CODES.tooManyRequests, message: 'Too many requests. Try again later.' }, retryAfterSeconds: 60 };
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, body: { code: ERROR_CODES.badRequest, message: 'The request could not be understood.' } };
  }
  if (isDatabaseUnavailable(error)) {
    log.warn({ err: loggableError(error) }, 'storage unavailable');
    return { status: 503, body: { code: ERROR_CODES.serviceUnavailable, message: 'Storage is temporarily unavailable. Try again shortly.' }, retryAfterSeconds: 5 };
  }
  log.error({ err: loggableError(error) }, 'request failed');
  return { status: 500, body: { code: ERROR_CODES.internalError, message: 'Something went wrong on our side.' } };
}
