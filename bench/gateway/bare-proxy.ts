// Baseline (b): the pass-through proxy an operator would write with Fastify and its own proxy
// plugin (@fastify/reply-from over undici), with no authentication: the difference to (c) is
// what Keyward costs beyond proxying.
import replyFrom from '@fastify/reply-from';
import Fastify from 'fastify';

const app = Fastify({ logger: false });
await app.register(replyFrom, { base: process.env.UPSTREAM_URL!, undici: { connections: 256 } });
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
app.all('/api/deployments/:deploymentId/*', (request, reply) => {
  const path = request.url.slice(`/api/deployments/${(request.params as { deploymentId: string }).deploymentId}`.length);
  return reply.from(path, { rewriteRequestHeaders: (_request, headers) => ({ ...headers, authorization: 'Basic dXBzdHJlYW06c2VjcmV0' }) });
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
