import type { FastifyInstance } from 'fastify';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine sets style attributes and injects its CSS variables at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The security headers of every answer, computed once. (helmet set the same headers but, run as
 * a dozen middlewares per request, cost the gateway a third of its throughput.)
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'x-dns-prefetch-control': 'off',
  'x-permitted-cross-domain-policies': 'none',
};

/**
 * For the Deployment API, whose answers come from an upstream chosen by console users and share
 * the console's origin: whatever it sends, nothing in it may run, load, be framed or be sniffed
 * (`sandbox` gives even a rendered page an opaque origin, without the console's cookies or API).
 * These win over the upstream's own headers (forward.ts drops those of the same names).
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

const HSTS = 'max-age=31536000; includeSubDomains';
const API_SECURITY_HEADERS_OVER_HTTPS: Readonly<Record<string, string>> = { ...API_SECURITY_HEADERS, 'strict-transport-security': HSTS };

/** The API set for a client that came over `protocol`: HSTS only means something over HTTPS. */
export function apiSecurityHeadersOver(protocol: string): Readonly<Record<string, string>> {
  return protocol === 'https' ? API_SECURITY_HEADERS_OVER_HTTPS : API_SECURITY_HEADERS;
}

/**
 * Every answer Fastify sends. Deployment API requests never reach Fastify: the gateway's front
 * sends `apiSecurityHeadersOver` itself (server/surfaces/gateway/front.ts).
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  // A callback hook: no promise per request.
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    done();
  });
}
