import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CODES, type ApiErrorBody, type FieldIssue } from '../../contract/errors';
import { errorAnswerOf } from './error-answers';

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
 * Every error Fastify meets is answered in the documented `{code, message, details?}` shape:
 * its own validation and body-parsing errors here, everything else by the one mapping the
 * gateway's front shares (error-answers.ts).
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (status: number, body: ApiErrorBody) => reply.status(status).send(body);

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

    const answer = errorAnswerOf(error, request.log);
    // A limiter that already said when to come back is not contradicted.
    if (answer.retryAfterSeconds !== undefined && !reply.hasHeader('retry-after')) reply.header('retry-after', String(answer.retryAfterSeconds));
    return send(answer.status, answer.body);
  });
}
