import type dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../http/domain-errors';
import { API_SECURITY_HEADERS } from '../../http/security-headers';
import { UpstreamNotAllowedError } from '../../deployments/upstream-policy';

// RFC 9110 7.6.1: meaningful for one connection only, never forwarded either way.
const HOP_BY_HOP = [
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
];

/**
 * What a client may not tell the upstream: Keyward's own credentials and session, and every
 * header that could make the upstream run something other than the (method, path) Keyward
 * authorised, or believe something about the client that Keyward did not say.
 */
const REQUEST_HEADERS_DROPPED = new Set([
  ...HOP_BY_HOP,
  'authorization',
  'cookie',
  'x-keyward-csrf',
  'x-http-method-override',
  'x-http-method',
  'x-method-override',
  'forwarded',
  'x-real-ip',
]);
const REQUEST_PREFIXES_DROPPED = ['x-forwarded-', 'proxy-'];

/**
 * What an upstream may not tell a browser on Keyward's origin: cookies, its own security policy
 * (Keyward's always wins), cross-origin grants, and anything that loads or redirects.
 */
const RESPONSE_HEADERS_DROPPED = new Set([
  ...HOP_BY_HOP,
  'set-cookie',
  'set-cookie2',
  'clear-site-data',
  'refresh',
  'link',
  'content-security-policy',
  'content-security-policy-report-only',
  'strict-transport-security',
  'content-disposition',
  ...Object.keys(API_SECURITY_HEADERS),
]);
const RESPONSE_PREFIXES_DROPPED = ['access-control-'];

/** Answers a browser may show as they are; anything else is offered as a download. */
const SHOWN_INLINE = /^(application\/([a-z0-9.+-]+\+)?json|text\/plain)\s*(;|$)/i;

type Headers = http.IncomingHttpHeaders;

function filtered(headers: Headers, dropped: Set<string>, droppedPrefixes: string[]): http.OutgoingHttpHeaders {
  const named = headers.connection ? new Set(String(headers.connection).toLowerCase().split(',').map((name) => name.trim())) : undefined;
  const out: http.OutgoingHttpHeaders = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || dropped.has(name) || named?.has(name)) continue;
    if (droppedPrefixes.some((prefix) => name.startsWith(prefix))) continue;
    out[name] = value;
  }
  return out;
}

/** The answer's headers as a browser on Keyward's origin may see them. */
export function responseHeadersFromUpstream(headers: Headers): http.OutgoingHttpHeaders {
  const out = filtered(headers, RESPONSE_HEADERS_DROPPED, RESPONSE_PREFIXES_DROPPED);
  if (!SHOWN_INLINE.test(String(headers['content-type'] ?? ''))) {
    // Only the disposition is decided here; a filename the upstream suggested is kept.
    const suggested = String(headers['content-disposition'] ?? '');
    out['content-disposition'] = /^\s*attachment\b/i.test(suggested) ? suggested : 'attachment';
  }
  return out;
}

/** The request's headers as the upstream receives them, with Keyward's own forwarding facts. */
export function requestHeadersForUpstream(request: FastifyRequest, upstream: { host: string; authorization: string }): http.OutgoingHttpHeaders {
  const out = filtered(request.headers, REQUEST_HEADERS_DROPPED, REQUEST_PREFIXES_DROPPED);
  out.host = upstream.host;
  out.authorization = upstream.authorization;
  // request.ip and request.protocol honour KEYWARD_TRUST_PROXY, and nothing else the client said.
  out['x-forwarded-for'] = request.ip;
  out['x-forwarded-proto'] = request.protocol;
  out['x-forwarded-host'] = request.host;
  return out;
}

export class UpstreamError extends DomainError {}

const NOT_ALLOWED = () => new UpstreamError(502, 'UPSTREAM_NOT_ALLOWED', "The deployment's upstream address is outside what this server may connect to.");

export interface ForwardTarget {
  url: URL;
  authorization: string;
  /** The canonical path (the one the permission check saw) and the query as the client sent it. */
  path: string;
  /** A literal upstream address outside the operator's allow list. */
  refused: boolean;
}

/**
 * Streams requests to an upstream EMQX REST API with the deployment's own credentials, and its
 * answer back; connections go only where the upstream policy's lookup allows.
 */
export function createForwarder(options: { timeoutMs: number; lookup: typeof dns.lookup }) {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 256, lookup: options.lookup }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 256, lookup: options.lookup }),
  };

  /** `answered` runs as the upstream's answer begins, before it streams back (usage's upstream time). */
  return function forward(request: FastifyRequest, reply: FastifyReply, target: ForwardTarget, answered?: () => void): Promise<void> {
    if (target.refused) return Promise.reject(NOT_ALLOWED());
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
          headers: requestHeadersForUpstream(request, { host: target.url.host, authorization: target.authorization }),
        },
        (response) => {
          answered?.();
          reply.code(response.statusCode ?? 502);
          reply.headers(responseHeadersFromUpstream(response.headers));
          resolve(reply.send(response) as unknown as void);
        },
      );
      upstream.setTimeout(options.timeoutMs, () =>
        upstream.destroy(new UpstreamError(504, 'UPSTREAM_TIMEOUT', 'The deployment did not answer in time.')),
      );
      upstream.on('error', (error) => {
        if (reply.sent) return;
        if (error instanceof UpstreamNotAllowedError) return reject(NOT_ALLOWED());
        reject(error instanceof UpstreamError ? error : new UpstreamError(502, 'UPSTREAM_UNREACHABLE', 'The deployment cannot be reached.'));
      });
      const body = request.body as NodeJS.ReadableStream | undefined;
      if (body && typeof body.pipe === 'function') body.pipe(upstream);
      else upstream.end();
    });
  };
}
