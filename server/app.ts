import { createServer } from 'node:http';
import Fastify, { type FastifyReply, type FastifyServerOptions } from 'fastify';
import { ERROR_CODES, type ApiErrorBody } from '../contract/errors';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { KeywardConfig } from './config';
import type { Store } from './db/store';
import { PATH_REFUSAL_MESSAGES } from './permissions/canonical-path';
import type { ServerKeys } from './secrets/master-key';
import { registerErrorHandler } from './http/error-handler';
import { clientFactsReader } from './http/client-facts';
import { gatewayOriginOf, registerGatewayOrigin } from './http/gateway-origin';
import { registerSecurityHeaders } from './http/security-headers';
import { createServices, type Services } from './services';
import { consolePlugin } from './surfaces/console/plugin';
import type { ConsoleRoute } from './surfaces/console/route-registry';
import { createGatewayFront, type GatewayFront } from './surfaces/gateway/front';
import { GATEWAY_PREFIX } from './surfaces/gateway/pipeline';
import { gatewayFallbackPlugin } from './surfaces/gateway/plugin';
import { healthRoutes } from './surfaces/health';
import { publicApiPlugin } from './surfaces/public-api/plugin';
import { registerSpa } from './surfaces/spa';
import { registerMetrics } from './surfaces/metrics';
import type { ScryptCost } from './kernel/password';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    /** Shutdown began: `/healthz` answers 503 "draining" from now on. */
    startDraining: () => void;
    /** Every Console API route with its access rules (tests derive their coverage from it). */
    consoleRoutes: readonly ConsoleRoute[];
  }
}

export type AppConfig = Pick<
  KeywardConfig,
  'sessionIdleMs' | 'signInLimits' | 'security' | 'spaDir' | 'logLevel' | 'platformApiLimits' | 'deploymentTransitionMs' | 'gateway' | 'usage' | 'metrics' | 'accessLog'
>;

export interface BuildAppOptions {
  config: AppConfig;
  store: Store;
  /** The pepper and encryption key derived from the master secret. */
  keys: ServerKeys;
  /** Milliseconds since the epoch; injectable so session expiry is testable without waiting. */
  now?: () => number;
  logger?: FastifyServerOptions['loggerInstance'];
  trustProxy?: boolean | string;
  /** Tests only: a lighter scrypt cost for the many accounts they make (createPasswordHasher). */
  passwordCost?: ScryptCost;
}

/** Every field that may carry a credential, kept out of every log line. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.secret',
  '*.token',
];

export async function buildApp(options: BuildAppOptions) {
  const { config, store } = options;
  const now = options.now ?? Date.now;
  const trustProxy = options.trustProxy ?? false;
  // Made once the services are: until then (before listening) Fastify would answer everything.
  const fronts: { gateway?: GatewayFront } = {};
  const app = Fastify({
    ...(options.logger
      ? { loggerInstance: options.logger }
      : { logger: { level: config.logLevel, redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' } } }),
    trustProxy,
    // The Deployment API's requests are answered by its front (surfaces/gateway/front.ts), the rest
    // by Fastify. Tests reach the front as the server does, through this listener.
    serverFactory: (handler) => {
      const server = createServer((request, response) => {
        if (!fronts.gateway?.handle(request, response)) handler(request, response);
      });
      // What Fastify sets on a server it makes itself (its keepAliveTimeout and requestTimeout defaults).
      server.keepAliveTimeout = 72_000;
      server.requestTimeout = 0;
      return server;
    },
    // Errors raised while routing, before any handler: answered in the one error shape too.
    frameworkErrors: (error, _request, reply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      const badUrl = error.code === 'FST_ERR_BAD_URL';
      const body: ApiErrorBody = tooLong
        ? { code: ERROR_CODES.notFound, message: 'Not found.' }
        : badUrl
          ? { code: ERROR_CODES.invalidPath, message: PATH_REFUSAL_MESSAGES.bad_encoding, details: { reason: 'bad_encoding' } }
          : { code: ERROR_CODES.badRequest, message: 'The request address is not valid.' };
      void (reply as FastifyReply).code(tooLong ? 404 : 400).send(body);
    },
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  registerSecurityHeaders(app);
  const gatewayOrigin = config.gateway.origin ? gatewayOriginOf(config.gateway.origin) : undefined;
  if (gatewayOrigin) registerGatewayOrigin(app, gatewayOrigin);

  const services = createServices({
    db: store.db,
    storeKind: store.kind,
    config,
    keys: options.keys,
    changes: store.changes,
    now,
    log: app.log,
    poolStats: store.poolStats,
    reclaim: (tables) => store.reclaim(tables),
    passwordCost: options.passwordCost,
  });
  await services.ready();
  // For what runs beside the surfaces and reads their state (tests, operations).
  app.decorate('services', services);
  // Counted usage is written before the store closes (main.ts closes the app first).
  app.addHook('onClose', async () => {
    services.windows.close();
    await services.usage.close();
  });
  if (services.metrics) registerMetrics(app, services.metrics, config.metrics);

  let draining = false;
  app.decorate('startDraining', () => {
    draining = true;
  });
  // While draining, every answer closes its connection, so keep-alive clients move elsewhere
  // and the server can finish closing once the requests in flight are answered.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) reply.header('connection', 'close');
    done(null, payload);
  });
  await app.register(healthRoutes, { store, draining: () => draining });
  const consoleRoutes: ConsoleRoute[] = [];
  app.decorate('consoleRoutes', consoleRoutes);
  await app.register(consolePlugin, { prefix: '/api/console', services, routes: consoleRoutes });
  const front = createGatewayFront({
    services,
    log: app.log,
    clientFacts: clientFactsReader(trustProxy),
    gatewayOrigin,
    upstreamTimeoutMs: config.gateway.upstreamTimeoutMs,
    accessLog: config.accessLog,
    draining: () => draining,
  });
  app.addHook('preClose', (done) => {
    front.startClosing();
    done();
  });
  app.addHook('onClose', () => front.close());
  fronts.gateway = front;
  await app.register(gatewayFallbackPlugin, { prefix: GATEWAY_PREFIX.slice(0, -1) });
  await app.register(publicApiPlugin, { prefix: '/public_api/v1', services, limits: config.platformApiLimits });
  await registerSpa(app, config.spaDir);

  return app;
}

export type KeywardApp = Awaited<ReturnType<typeof buildApp>>;
