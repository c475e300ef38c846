import type dns from 'node:dns';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { Agent, errors as undiciErrors, type Dispatcher } from 'undici';
import { DomainError } from '../../http/domain-errors';
import { API_SECURITY_HEADERS } from '../../http/security-headers';
import { UpstreamNotAllowedError } from '../../deployments/upstream-policy';
import type { GatewayUpstream } from '../../gateway/gateway-service';
import { ERROR_CODES } from '../../../contract/errors';
import type { GatewayExchange } from './exchange';

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
  // Node's server has already answered `Expect: 100-continue`; the upstream gets the body itself.
  'expect',
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

type Headers = IncomingHttpHeaders;
/**
 * Header names and values in turn (`[name, value, name, value, ...]`), as Node's writeHead and
 * undici both take them: read by index, where a headers object is a dictionary that every reader
 * walks and looks up by name.
 */
type HeaderList = (string | number | string[])[];

/** What the client sent when it sent no body: no length header goes on to the upstream. */
const REQUEST_HEADERS_DROPPED_WITHOUT_BODY = new Set([...REQUEST_HEADERS_DROPPED, 'content-length']);

function hasDroppedPrefix(name: string, prefixes: string[]): boolean {
  for (const prefix of prefixes) if (name.startsWith(prefix)) return true;
  return false;
}

/** The header names a Connection header lists (RFC 9110 7.6.1): they go no further either. */
function connectionOptions(connection: string | string[] | undefined): string[] | undefined {
  if (connection === undefined) return undefined;
  const options = String(connection).toLowerCase();
  // The usual single option (keep-alive) needs no split, which was a runtime call per answer.
  return options.includes(',') ? options.split(',').map((name) => name.trim()) : [options.trim()];
}

/** Appends to `out` the headers that pass, and are not among `alreadyThere`. */
function appendFiltered(out: HeaderList, headers: Headers, dropped: Set<string>, droppedPrefixes: string[], alreadyThere?: object): HeaderList {
  const named = connectionOptions(headers.connection);
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || dropped.has(name) || named?.includes(name) || hasDroppedPrefix(name, droppedPrefixes)) continue;
    if (alreadyThere !== undefined && Object.hasOwn(alreadyThere, name)) continue;
    out.push(name, value);
  }
  return out;
}

/**
 * The answer's headers as a browser on Keyward's origin may see them: Keyward's own (`own`:
 * security headers above all) first and winning, then what passes of the upstream's.
 */
export function responseHeadersFromUpstream(headers: Headers, own: Readonly<Record<string, string>>): HeaderList {
  const out: HeaderList = [];
  for (const name in own) out.push(name, own[name]!);
  appendFiltered(out, headers, RESPONSE_HEADERS_DROPPED, RESPONSE_PREFIXES_DROPPED, own);
  if (!SHOWN_INLINE.test(String(headers['content-type'] ?? ''))) {
    // Only the disposition is decided here; a filename the upstream suggested is kept.
    const suggested = String(headers['content-disposition'] ?? '');
    out.push('content-disposition', /^\s*attachment\b/i.test(suggested) ? suggested : 'attachment');
  }
  return out;
}

/**
 * The request's headers as the upstream receives them, with Keyward's own forwarding facts. Its
 * Host is the upstream URL's host and port, which undici writes from the pool's origin when the
 * list has none (named here, undici would also parse it for every request).
 */
export function requestHeadersForUpstream(exchange: GatewayExchange, upstream: { authorization: string }, withBody: boolean): HeaderList {
  const out = appendFiltered([], exchange.request.headers, withBody ? REQUEST_HEADERS_DROPPED : REQUEST_HEADERS_DROPPED_WITHOUT_BODY, REQUEST_PREFIXES_DROPPED);
  // The exchange's ip, protocol and host honour KEYWARD_TRUST_PROXY, and nothing else the client said.
  out.push('authorization', upstream.authorization, 'x-forwarded-for', exchange.ip, 'x-forwarded-proto', exchange.protocol, 'x-forwarded-host', exchange.host);
  return out;
}

export class UpstreamError extends DomainError {}

const NOT_ALLOWED = () => new UpstreamError(502, ERROR_CODES.upstreamNotAllowed, "The deployment's upstream address is outside what this server may connect to.");
const TIMED_OUT = () => new UpstreamError(504, ERROR_CODES.upstreamTimeout, 'The deployment did not answer in time.');
const UNREACHABLE = () => new UpstreamError(502, ERROR_CODES.upstreamUnreachable, 'The deployment cannot be reached.');

function upstreamErrorOf(error: unknown): UpstreamError {
  if (error instanceof UpstreamNotAllowedError) return NOT_ALLOWED();
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError || error instanceof undiciErrors.ConnectTimeoutError)
    return TIMED_OUT();
  return UNREACHABLE();
}

/** Upstream answers up to this size are read whole and sent at once. */
const BUFFERED_ANSWER_BYTES = 64 * 1024;

/** Whether the client sent a body (RFC 9112 6.3): a length above zero, or a transfer coding. */
function hasBody(headers: Headers): boolean {
  return headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');
}

/**
 * What the forwarder tells its caller about one exchange, the same two functions for every
 * request: a promise and a closure per request cost the gateway's hot path more than the rest
 * of its bookkeeping did (README, "instructions per request").
 */
export interface ForwardEvents {
  /** The upstream's answer begins (before it streams back), or it failed. */
  answered(exchange: GatewayExchange): void;
  /** The upstream could not be asked, or failed before its answer began: nothing was sent yet. */
  failed(exchange: GatewayExchange, error: unknown): void;
}

export interface ForwarderOptions {
  timeoutMs: number;
  /** The upstream policy's lookup: where a connection may go. */
  lookup: typeof dns.lookup;
}

/**
 * Streams requests to an upstream EMQX REST API with the deployment's own credentials, and its
 * answer back, over undici's keep-alive pools (one per upstream origin); connections go only
 * where the upstream policy's lookup allows, checked at every connect.
 *
 * The answer is written straight to Node's response: undici's dispatch handler and one writeHead
 * cost the gateway far less than a body stream and a framework's send path did. Until the
 * upstream answers, a failure goes to `events.failed`, so the front answers it in the documented
 * JSON shape; after it, the client's connection is cut, as a proxy does.
 */
export function createForwarder(options: ForwarderOptions, events: ForwardEvents) {
  const agent = new Agent({
    connections: 256,
    connect: { lookup: options.lookup, timeout: options.timeoutMs },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });

  /** `path` is the canonical path (the one the permission check saw) and the query as the client sent it. */
  function forward(exchange: GatewayExchange, upstream: GatewayUpstream, path: string): void {
    if (upstream.refused) return fail(exchange, NOT_ALLOWED());
    const { request } = exchange;
    // The request is the body as sent, never parsed; its length header goes with it only when
    // there is one, so the two can never disagree.
    const body = hasBody(request.headers) ? request : undefined;
    const headers = requestHeadersForUpstream(exchange, upstream, body !== undefined);
    let statusCode = 0;
    let answerHeaders: HeaderList = [];
    // A small answer of known length is gathered and goes out in one write with its headers
    // (socket writes were a third of the gateway's time); anything else streams as it arrives.
    let gathered: Buffer[] | undefined;
    let streaming: ServerResponse | undefined;
    let waitingForDrain = false;
    let ended = false;
    try {
      agent.dispatch(
        { origin: upstream.origin, path: upstream.basePath + path, method: request.method as Dispatcher.HttpMethod, headers: headers as string[], body },
        {
          // Its presence is what tells undici this handler takes the controller-style calls.
          onRequestStart() {},
          onResponseStart(controller, status, upstreamHeaders) {
            if (status < 200) return; // 1xx: informational, the final answer follows
            events.answered(exchange);
            statusCode = status;
            answerHeaders = responseHeadersFromUpstream(upstreamHeaders, exchange.ownHeaders);
            if (Number(upstreamHeaders['content-length']) <= BUFFERED_ANSWER_BYTES) {
              gathered = [];
              return;
            }
            const response = (streaming = exchange.writeHead(statusCode, answerHeaders));
            // A client that leaves stops the upstream's answer too.
            response.once('close', () => ended || controller.abort(new Error('The client closed the connection.')));
          },
          onResponseData(controller, chunk) {
            if (gathered) return void gathered.push(chunk);
            if (streaming!.write(chunk) || waitingForDrain) return;
            waitingForDrain = true;
            controller.pause();
            streaming!.once('drain', () => {
              waitingForDrain = false;
              controller.resume();
            });
          },
          onResponseEnd() {
            ended = true;
            if (streaming) return exchange.end();
            exchange.writeHead(statusCode, answerHeaders);
            exchange.end(gathered!.length === 1 ? gathered![0] : Buffer.concat(gathered!));
          },
          onResponseError(_controller, error) {
            ended = true;
            if (streaming) streaming.destroy(error);
            else fail(exchange, upstreamErrorOf(error));
          },
        },
      );
    } catch (error) {
      fail(exchange, error);
    }
  }

  function fail(exchange: GatewayExchange, error: unknown): void {
    events.answered(exchange);
    events.failed(exchange, error);
  }
  return Object.assign(forward, { close: () => agent.close() });
}
