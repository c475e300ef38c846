import { loggableError } from '../db/postgres-errors';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema, ERROR_CODES } from '../../contract/errors';
import type { Store } from '../db/store';

/** `draining()`: the server is shutting down; a load balancer should stop sending. */
export const healthRoutes: FastifyPluginAsyncZod<{ store: Store; draining: () => boolean }> = async (app, { store, draining }) => {
  app.get(
    '/healthz',
    { schema: { response: { 200: z.object({ status: z.literal('ok') }), 503: apiErrorSchema } } },
    async (request, reply) => {
      if (draining()) {
        return reply.status(503).header('connection', 'close').header('retry-after', '5').send({ code: ERROR_CODES.draining, message: 'This instance is shutting down.' });
      }
      try {
        await store.ping();
        return { status: 'ok' as const };
      } catch (error) {
        request.log.warn({ err: loggableError(error) }, 'storage unreachable');
        return reply
          .status(503)
          .header('retry-after', '5')
          .send({ code: ERROR_CODES.serviceUnavailable, message: 'Storage is not reachable.' });
      }
    },
  );
};
