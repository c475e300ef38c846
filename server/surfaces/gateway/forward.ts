import http from 'node:http';
import https from 'node:https';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../http/domain-errors';

// RFC 9110 7.6.1: meaningful for one connection only, never forwarded.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);
// Keyward's own credentials and session never travel upstream.
const NOT_FORWARDED = new Set([...HOP_BY_HOP, 'authorization', 'cookie', 'x-keyward-csrf']);

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

function forwardable(headers: http.IncomingHttpHeaders, drop: Set<string>): http.OutgoingHttpHeaders {
  const named = new Set(String(headers.connection ?? '').toLowerCase().split(',').map((name) => name.trim()).filter(Boolean));
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !drop.has(name) && !named.has(name)) out[name] = value;
  }
  return out;
}

export class UpstreamError extends DomainError {}

/**
 * Streams the request to the upstream EMQX REST API with the deployment's own credentials, and
 * its answer back: method, path, query, body, status and content type preserved.
 */
export function forward(
  request: FastifyRequest,
  reply: FastifyReply,
  target: { url: URL; authorization: string; path: string; timeoutMs: number },
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const base = target.url.pathname.replace(/\/$/, '');
    const upstream = (target.url.protocol === 'https:' ? https : http).request(
      {
        protocol: target.url.protocol,
        hostname: target.url.hostname,
        port: target.url.port,
        method: request.method,
        path: `${base}${target.path}`,
        agent: agents[target.url.protocol as 'http:' | 'https:'],
        headers: { ...forwardable(request.headers, NOT_FORWARDED), host: target.url.host, authorization: target.authorization },
      },
      (response) => {
        reply.code(response.statusCode ?? 502);
        reply.headers(forwardable(response.headers, HOP_BY_HOP));
        resolve(reply.send(response) as unknown as void);
      },
    );
    upstream.setTimeout(target.timeoutMs, () =>
      upstream.destroy(new UpstreamError(504, 'UPSTREAM_TIMEOUT', 'The deployment did not answer in time.')),
    );
    upstream.on('error', (error) => {
      if (reply.sent) return;
      reject(error instanceof UpstreamError ? error : new UpstreamError(502, 'UPSTREAM_UNREACHABLE', 'The deployment cannot be reached.'));
    });
    const body = request.body as NodeJS.ReadableStream | undefined;
    if (body && typeof body.pipe === 'function') body.pipe(upstream);
    else upstream.end();
  });
}
