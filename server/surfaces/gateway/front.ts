import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import { ERROR_CODES } from '../../../contract/errors';
import type { ClientFacts } from '../../http/client-facts';
import { errorAnswerOf } from '../../http/error-answers';
import type { GatewayOrigin } from '../../http/gateway-origin';
import { apiSecurityHeadersOver } from '../../http/security-headers';
import type { Services } from '../../services';
import { recordKeyUsage } from '../key-usage';
import { GatewayExchange } from './exchange';
import { createGatewayPipeline, GATEWAY_PREFIX, splitTarget } from './pipeline';

export interface GatewayFrontOptions {
  services: Services;
  log: FastifyBaseLogger;
  clientFacts: ClientFacts;
  /** KEYWARD_GATEWAY_ORIGIN: the gateway answers only on that host. */
  gatewayOrigin: GatewayOrigin | undefined;
  upstreamTimeoutMs: number;
  /** KEYWARD_ACCESS_LOG: one line per request. */
  accessLog: boolean;
  draining: () => boolean;
}

/** The target without its query: what logs may say of a request (a query may carry anything). */
function pathOf(url: string): string {
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? url : url.slice(0, queryAt);
}

const NO_SUCH_ROUTE = { code: ERROR_CODES.notFound, message: 'No such route.' };
const SHUTTING_DOWN = { code: ERROR_CODES.draining, message: 'This instance is shutting down.' };

/**
 * The Deployment API's front: Node's request handler answers `/api/deployments/...` itself, and
 * hands every other request to Fastify (server/app.ts). The gateway is Keyward's hot path, and a
 * framework's routing, hooks and request objects cost it more than the rest of Keyward's own work
 * did (README, "instructions per request"). What Fastify would have applied to these requests is
 * applied here from the same modules: security headers, the gateway origin, KEYWARD_TRUST_PROXY,
 * drain, the error mapping, usage, metrics and the access log.
 */
export function createGatewayFront(options: GatewayFrontOptions) {
  const { services, log, clientFacts, gatewayOrigin, accessLog, draining } = options;
  const { metrics } = services;
  const serve = createGatewayPipeline(services, { timeoutMs: options.upstreamTimeoutMs, lookup: services.upstreamPolicy.lookup }, failed);
  let closing = false;
  const closesConnections = () => closing || draining();

  /** Once the answer is complete: usage, metrics and the access log, as Fastify's onResponse hooks did. */
  function account(exchange: GatewayExchange): void {
    const { request, response, usage } = exchange;
    const elapsedMs = performance.now() - exchange.started;
    const counted = usage ? recordKeyUsage(services.usage, usage, request.method!, response.statusCode, elapsedMs) : null;
    if (metrics) {
      metrics.request('gateway', response.statusCode, elapsedMs / 1000);
      if (counted) metrics.gateway(counted.outcome, counted.usage.deploymentId, counted.usage.forwarded, counted.keywardMs, counted.usage.upstreamMs);
    }
    if (accessLog) {
      // One line per request: never the Authorization header, nor the query.
      log.info(
        {
          access: {
            method: request.method,
            path: pathOf(request.url!),
            status: response.statusCode,
            appId: usage?.keyLabel ?? null,
            endpoint: usage?.endpoint || null,
            ms: Math.round(elapsedMs * 100) / 100,
            upstreamMs: usage?.forwarded ? Math.round(usage.upstreamMs * 100) / 100 : null,
            address: exchange.ip,
          },
        },
        'gateway request',
      );
    }
  }

  /** The request a failure is logged with: never its headers, nor the query. */
  const logFor = (exchange: GatewayExchange) => log.child({ method: exchange.request.method, path: pathOf(exchange.request.url!) });

  /** Runs as an answer ends: counting never fails the request it counts. */
  function finished(exchange: GatewayExchange): void {
    try {
      account(exchange);
    } catch (error) {
      logFor(exchange).error({ err: error }, 'counting a gateway request failed');
    }
  }

  /** A failure before the answer began gets the one error mapping; after it, the connection is cut. */
  function failed(exchange: GatewayExchange, error: unknown): void {
    if (exchange.response.headersSent) return void exchange.response.destroy();
    const answer = errorAnswerOf(error, logFor(exchange));
    if (answer.retryAfterSeconds !== undefined) exchange.withHeader('retry-after', String(answer.retryAfterSeconds));
    exchange.answer(answer.status, answer.body);
  }

  return {
    /** Answers the request and says true when it is the Deployment API's; false leaves it to Fastify. */
    handle(request: IncomingMessage, response: ServerResponse): boolean {
      const url = request.url!;
      if (!url.startsWith(GATEWAY_PREFIX)) return false;
      const protocol = clientFacts.protocol(request);
      const exchange = new GatewayExchange(request, response, clientFacts.ip(request), protocol, clientFacts.host(request), apiSecurityHeadersOver(protocol), closesConnections, finished);

      if (gatewayOrigin && !gatewayOrigin.isGatewayHost(exchange.host)) exchange.answer(421, gatewayOrigin.elsewhere);
      // Closing: Fastify stopped routing; a request on a connection still open is told to go elsewhere.
      else if (closing) exchange.withHeader('retry-after', '5').answer(503, SHUTTING_DOWN);
      else {
        const target = splitTarget(url);
        if (!target) exchange.answer(404, NO_SUCH_ROUTE);
        else serve(exchange, target);
      }
      return true;
    },
    /** From Fastify's preClose: the server stops taking requests. */
    startClosing(): void {
      closing = true;
    },
    close: () => serve.close(),
  };
}

export type GatewayFront = ReturnType<typeof createGatewayFront>;
