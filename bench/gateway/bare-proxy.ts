// Baseline (b): a Fastify pass-through proxy with no authentication, forwarding exactly as the
// gateway does (same streaming forward), so the difference to (c) is Keyward's own work.
import dns from 'node:dns';
import Fastify from 'fastify';
import { createForwarder } from '../../server/surfaces/gateway/forward';

const upstream = new URL(process.env.UPSTREAM_URL!);
const forward = createForwarder({ timeoutMs: 30_000, lookup: dns.lookup });
const app = Fastify({ logger: false });
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
app.all('/api/deployments/:deploymentId/*', async (request, reply) => {
  const path = request.url.slice(`/api/deployments/${(request.params as { deploymentId: string }).deploymentId}`.length);
  await forward(request, reply, { url: upstream, authorization: 'Basic dXBzdHJlYW06c2VjcmV0', path, refused: false });
  return reply;
});
void app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(() => process.send?.('ready'));
