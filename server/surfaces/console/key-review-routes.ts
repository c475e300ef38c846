import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { keyReviewListSchema, keyReviewParamsSchema } from '../../../contract/key-review';
import type { Services } from '../../services';
import { actorOf } from './request-auth';

/** The Key review page: keys worth a second look, and marking one reviewed. */
export const keyReviewRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get('/key-review', { config: { access: 'reviewKeys' }, schema: { response: { 200: keyReviewListSchema } } }, async (request) => ({
    keys: await services.keyReview.list(actorOf(request)),
  }));

  app.post('/key-review/:kind/:id', { config: { access: 'reviewKeys', audit: ['key.review'] }, schema: { params: keyReviewParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await services.keyReview.markReviewed(actorOf(request), request.params.kind, request.params.id);
    return reply.status(204).send(null);
  });
};
