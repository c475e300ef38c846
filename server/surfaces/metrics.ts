import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Metrics, Surface } from '../metrics/metrics';

function surfaceOf(url: string): Surface {
  if (url.startsWith('/api/deployments/')) return 'gateway';
  if (url.startsWith('/public_api/')) return 'platform_api';
  if (url.startsWith('/api/console/')) return 'console';
  return 'other';
}

/**
 * KEYWARD_METRICS: every answer is counted and timed per surface, and `/metrics` serves the
 * Prometheus text format, on the main port or, with KEYWARD_METRICS_PORT, on a port of its own
 * (same host) that only the operator's network need reach.
 */
export function registerMetrics(app: FastifyInstance, metrics: Metrics, port: number | undefined): void {
  app.addHook('onResponse', (request, reply, done) => {
    metrics.request(surfaceOf(request.url), reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  const serve = async () => ({ type: metrics.registry.contentType, body: await metrics.scrape() });
  if (port === undefined) {
    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      const { type, body } = await serve();
      return reply.type(type).header('cache-control', 'no-store').send(body);
    });
    return;
  }
  const server = createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    serve().then(
      ({ type, body }) => response.writeHead(200, { 'content-type': type }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  app.addHook('onListen', (done) => {
    const host = (app.server.address() as AddressInfo | null)?.address;
    server.listen(port, host, () => done());
  });
  app.addHook('onClose', (_instance, done) => {
    server.close(() => done());
  });
}
