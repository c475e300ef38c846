import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorBody } from '../../../contract/errors';
import type { KeyUsage } from '../key-usage';

/**
 * One Deployment API request and its answer, as the gateway's front (front.ts) handles it on
 * Node's own request and response: what a Fastify request and reply would carry, and no more.
 */
export class GatewayExchange {
  /** When the request reached Keyward (performance.now()), for its time in usage and metrics. */
  readonly started = performance.now();
  /** Set once the request named one of the deployment's keys: it is then counted in usage. */
  usage: KeyUsage | null = null;
  /** When it was forwarded (performance.now()): the upstream's time counts from here. */
  forwardedAt = 0;

  constructor(
    readonly request: IncomingMessage,
    readonly response: ServerResponse,
    /** The client's address, protocol and host after KEYWARD_TRUST_PROXY (http/client-facts.ts). */
    readonly ip: string,
    readonly protocol: string,
    readonly host: string,
    /**
     * Keyward's own answer headers: the security set, then what an answer adds. Shared frozen
     * objects until something is added (`withHeader` copies), so a plain request copies nothing.
     */
    public ownHeaders: Readonly<Record<string, string>>,
    /** Whether the server drains when the answer begins: it then closes its connection. */
    private readonly draining: () => boolean,
    /**
     * Counts the answer once it is complete (usage, metrics, the access log). Called as the
     * answer ends rather than on the response's 'finish' event: a listener per request was a
     * measurable part of the hot path. An answer the upstream cuts short is not counted.
     */
    private readonly countAnswer: (exchange: GatewayExchange) => void,
  ) {}

  withHeader(name: string, value: string): this {
    // Copied, then set: V8's optimized code gave `{ ...headers, [name]: value }` a hidden class of
    // its own every time, so each refusal's headers met the runtime wherever they were read.
    const headers: Record<string, string> = Object.assign({}, this.ownHeaders);
    headers[name] = value;
    this.ownHeaders = headers;
    return this;
  }

  /** Node's writeHead with Keyward's own headers first, then `headers` (name, value, ...). */
  writeHead(status: number, headers: (string | number | string[])[]): ServerResponse {
    if (this.draining()) headers.push('connection', 'close');
    return this.response.writeHead(status, headers as string[]);
  }

  /** Ends the answer (`body`: its last part) and has it counted. */
  end(body?: Buffer | string): void {
    this.response.end(body);
    this.countAnswer(this);
  }

  /** Answers in the documented JSON shape, with Keyward's own headers. */
  answer(status: number, body: ApiErrorBody): void {
    const payload = JSON.stringify(body);
    const headers: (string | number)[] = [];
    for (const name in this.ownHeaders) headers.push(name, this.ownHeaders[name]!);
    headers.push('content-type', 'application/json; charset=utf-8', 'content-length', Buffer.byteLength(payload));
    this.writeHead(status, headers);
    this.end(payload);
  }
}
