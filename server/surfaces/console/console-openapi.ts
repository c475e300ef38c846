import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { CSRF_HEADER } from './csrf-guard';
import { consoleRoutesOf } from './route-registry';
import { SESSION_COOKIE } from './session-cookie';

/**
 * The Console API's OpenAPI document, at `/api/console/openapi.json` for signed-in accounts. Each
 * operation carries what the route registry holds: `x-keyward-access` (public, signedIn or a
 * capability), `x-keyward-roles`, `x-keyward-reauthentication` and `x-keyward-audit`, so the
 * document cannot disagree with what the server enforces.
 */
export async function registerConsoleOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Keyward Console API',
        version: '1',
        description: `The console's own JSON API, behind a session cookie. Writes need the \`${CSRF_HEADER}: 1\` header; routes marked \`x-keyward-reauthentication\` need a session that signed in or confirmed it's its owner recently.`,
      },
      servers: [{ url: '/api/console' }],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: (input) => {
      const transformed = jsonSchemaTransform(input);
      const [route] = consoleRoutesOf(input.route);
      if (!route || transformed.schema?.hide) return transformed;
      return {
        url: transformed.url,
        schema: {
          ...transformed.schema,
          ...(route.access === 'public' ? { security: [] } : {}),
          'x-keyward-access': route.access,
          'x-keyward-roles': route.roles,
          'x-keyward-reauthentication': route.sensitive,
          'x-keyward-audit': route.audit,
        },
      };
    },
  });
  app.get('/openapi.json', { config: { access: 'signedIn' }, schema: { hide: true } }, async () => app.swagger());
}
