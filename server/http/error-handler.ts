import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CODES, type ApiErrorBody, type FieldIssue } from '../../contract/errors';
import { isDatabaseUnavailable, loggableError } from '../db/postgres-errors';
import { DomainError, TooManyRequestsError } from './domain-errors';

const CLIENT_ERROR_MESSAGES: Record<string, ApiErrorBody> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: ERROR_CODES.badRequest, message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: ERROR_CODES.badRequest, message: 'The request body is empty; send a JSON object.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: ERROR_CODES.unsupportedMediaType, message: 'Send the body as application/json.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: ERROR_CODES.payloadTooLarge, message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: ERROR_CODES.badRequest, message: 'The Content-Length header does not match the body.' },
};

function fieldIssues(error: { validation: { instancePath: string; message?: string }[] }): FieldIssue[] {
  return error.validation.map((issue) => ({
    path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
    message: issue.message ?? 'Invalid value',
  }));
}

/**
 * One place maps every error to the documented `{code, message, details?}` shape. Client
 * mistakes say what to fix; anything unexpected is logged and answered with a bare 500, never a
 * stack trace or an internal message.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (status: number, body: ApiErrorBody) => reply.status(status).send(body);

    if (error instanceof DomainError) {
      if (error instanceof TooManyRequestsError) {
        reply.header('retry-after', String(error.retryAfterSeconds));
      }
      return send(error.statusCode, {
        code: error.code,
        message: error.message,
        ...(error.details === undefined ? {} : { details: error.details }),
      });
    }

    if (hasZodFastifySchemaValidationErrors(error)) {
      // An id that is not even well-formed names no object: that is a 404, as for any unknown id.
      if (error.validationContext === 'params') {
        return send(404, { code: ERROR_CODES.notFound, message: 'Not found.' });
      }
      const where = error.validationContext === 'querystring' ? 'query string' : 'request body';
      return send(422, {
        code: ERROR_CODES.validationFailed,
        message: `The ${where} has invalid fields.`,
        details: fieldIssues(error),
      });
    }

    const known = error.code ? CLIENT_ERROR_MESSAGES[error.code] : undefined;
    if (known) return send(error.statusCode ?? 400, known);

    const status = error.statusCode ?? 500;
    if (status === 429) {
      // Every 429 says when to come back (clients such as the Terraform provider wait for it).
      if (!reply.hasHeader('retry-after')) reply.header('retry-after', '60');
      return send(429, { code: ERROR_CODES.tooManyRequests, message: 'Too many requests. Try again later.' });
    }
    if (status >= 400 && status < 500) {
      return send(status, { code: ERROR_CODES.badRequest, message: 'The request could not be understood.' });
    }

    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: loggableError(error) }, 'storage unavailable');
      reply.header('retry-after', '5');
      return send(503, { code: ERROR_CODES.serviceUnavailable, message: 'Storage is temporarily unavailable. Try again shortly.' });
    }

    request.log.error({ err: loggableError(error) }, 'request failed');
    return send(500, { code: ERROR_CODES.internalError, message: 'Something went wrong on our side.' });
  });
}
