import type { FastifyRequest } from 'fastify';
import type { KnownPlatformKey } from '../../platform-keys/platform-keys-service';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PlatformApiLimits } from '../../config';
import { ForbiddenError, TooManyRequestsError } from '../../http/domain-errors';
import type { Services } from '../../services';
import { countKeyUsage, type KeyUsage } from '../key-usage';
import { keyRefusedError } from './request-principal';
import { publicApiRoutes } from './routes';

const HOUR = 3_600_000;

/** A call that named a known Platform API Key, counted by its route template. */
function usageOf(key: KnownPlatformKey, request: FastifyRequest): KeyUsage {
  const endpoint = (request.routeOptions.url ?? '').replace(/^\/public_api\/v1/, '');
  return { organizationId: key.organizationId, keyKind: 'platform', keyLabel: key.keyId, deploymentId: '', endpoint, forwarded: false, address: request.ip, upstreamMs: 0 };
}

/**
 * The Platform API (`/public_api/v1`): EMQX Platform's wire format behind HTTP Basic with a
 * Platform API Key. Authentication, scope and rate limits are enforced here, once.
 */
export const publicApiPlugin: FastifyPluginAsyncZod<{ services: Services; limits: PlatformApiLimits }> = async (
  app,
  { services, limits },
) => {
  // Counted per instance in memory, or by every instance together on PostgreSQL.
  const buckets = {
    read: services.windows.create('platform.reads', { max: limits.readsPerHour, windowMs: HOUR }),
    tls_write: services.windows.create('platform.tls_writes', { max: limits.tlsWritesPerHour, windowMs: HOUR }),
    create: services.windows.create('platform.creates', { max: limits.createsPerHour, windowMs: HOUR }),
    // Apart, so that automation's stop and then start within the hour both pass.
    start: services.windows.create('platform.starts', { max: limits.startStopPerHour, windowMs: HOUR }),
    stop: services.windows.create('platform.stops', { max: limits.startStopPerHour, windowMs: HOUR }),
  };

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Keyward Platform API',
        version: '1',
        description:
          'Wire-compatible with EMQX Platform\'s Platform API. Authenticate with HTTP Basic: your Platform API Key as the user name and its Secret as the password.',
      },
      servers: [{ url: '/public_api/v1' }],
      components: { securitySchemes: { basic: { type: 'http', scheme: 'basic' } } },
      security: [{ basic: [] }],
    },
    transform: jsonSchemaTransform,
  });

  app.addHook('onSend', async (request, reply) => {
    if (reply.statusCode === 401) reply.header('www-authenticate', 'Basic realm="Keyward"');
  });

  // Every call that named a known key is counted once answered (the key surfaces' one usage hook).
  countKeyUsage(app, services.usage);

  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    if (!config.scope) return; // the OpenAPI document is public
    const authenticated = await services.platformKeys.authenticate(request.headers.authorization, request.ip);
    if ('refusal' in authenticated) {
      if (authenticated.known) request.keyUsage = usageOf(authenticated.known, request);
      throw keyRefusedError(authenticated.refusal);
    }
    const { key } = authenticated;
    request.platformKey = key;
    request.keyUsage = usageOf(key, request);
    if (!key.scopes.includes(config.scope)) {
      throw new ForbiddenError('This API key does not have the functionality scope this call needs.');
    }

    const bucket = config.rateBucket ?? 'read';
    const deploymentId = (request.params as { deployment_id?: string }).deployment_id ?? '';
    const limitKey = bucket === 'start' || bucket === 'stop' ? `${key.id}:${deploymentId}` : key.id;
    const taken = await buckets[bucket].take(limitKey);
    if ('retryAfterSeconds' in taken) {
      throw new TooManyRequestsError(taken.retryAfterSeconds, 'This API key has reached its request limit for this call. Try again later.');
    }
  });

  await app.register(publicApiRoutes, { services });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
