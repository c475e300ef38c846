import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { ERROR_CODES } from '../../contract/errors';
import type { Metrics, Surface } from '../metrics/metrics';

/** The surface of an answer Fastify sent; the gateway's front counts its own (surfaces/gateway/front.ts). */
function surfaceOf(url: string): Surface {
  if (url.startsWith('/public_api/')) return 'platform_api';
  if (url.startsWith('/api/console/')) return 'console';
  return 'other';
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether an Authorization header carries the bearer token (compared in constant time). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer (.+)$/i.exec(header ?? '')?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
}

/**
 * KEYWARD_METRICS: every answer is counted and timed per surface, and `/metrics` serves the
 * Prometheus text format. Its labels name deployments and surfaces (README), so it is never open
 * on the console's port: it is served on a port of its own (same host) that only the operator's
 * network need reach or, with KEYWARD_METRICS_TOKEN, on the main port to that bearer token only.
 */
export function registerMetrics(app: FastifyInstance, metrics: Metrics, options: { port?: number; token?: string }): void {
  const { port, token } = options;
  app.addHook('onResponse', (request, reply, done) => {
    metrics.request(surfaceOf(request.url), reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  const serve = async () => ({ type: metrics.registry.contentType, body: await metrics.scrape() });
  if (port === undefined) {
    if (token === undefined) throw new Error('KEYWARD_METRICS on the main port needs KEYWARD_METRICS_TOKEN');
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      if (!bearerMatches(request.headers.authorization, token)) {
        return reply.code(401).header('www-authenticate', 'Bearer realm="Keyward metrics"').send({ code: ERROR_CODES.unauthenticated, message: 'Send the metrics token as a bearer token.' });
      }
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
