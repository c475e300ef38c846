import type { FastifyPluginAsync } from 'fastify';
import { ERROR_CODES, type ApiErrorBody } from '../../../contract/errors';
import { PATH_REFUSAL_MESSAGES } from '../../permissions/canonical-path';

const NOT_ORIGIN_FORM: ApiErrorBody = { code: ERROR_CODES.invalidPath, message: PATH_REFUSAL_MESSAGES.not_origin_form };

/**
 * The Deployment API is served by its front (front.ts) before Fastify routes anything. What
 * reaches Fastify's router under the same prefix is a target the front does not take as one: the
 * prefix percent-encoded (the router decodes it, the front reads the target as sent) or an
 * absolute-form target. It is refused, never forwarded.
 */
export const gatewayFallbackPlugin: FastifyPluginAsync = async (app) => {
  app.all('/*', (_request, reply) => reply.code(400).send(NOT_ORIGIN_FORM));
};
