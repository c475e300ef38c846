import fastifyCookie from '@fastify/cookie';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError, ForbiddenError, UnauthenticatedError } from '../../http/domain-errors';
import type { Services } from '../../services';
import { keyReviewRoutes } from './key-review-routes';
import { usageRoutes } from './usage-routes';
import { auditRoutes } from './audit-routes';
import { deploymentKeysRoutes } from './deployment-keys-routes';
import { deploymentsRoutes } from './deployments-routes';
import { platformKeysRoutes } from './platform-keys-routes';
import { csrfGuard } from './csrf-guard';
import { projectsRoutes } from './projects-routes';
import { readSessionToken } from './session-cookie';
import { sessionRoutes } from './session-routes';
import { securityRoutes } from './security-routes';
import { settingsRoutes } from './settings-routes';
import { ssoRoutes } from './sso-routes';
import { usersRoutes } from './users-routes';
import { ERROR_CODES } from '../../../contract/errors';
import { registerConsoleOpenApi } from './console-openapi';
import { consoleRoutesOf, mayCall, type ConsoleRoute } from './route-registry';

const REAUTHENTICATION_REQUIRED = () =>
  new DomainError(403, ERROR_CODES.reauthRequired, "Confirm it's you to continue: enter your password or use a second factor.");

/**
 * The Console API (`/api/console`): JSON for the SPA only, behind a cookie session. CSRF,
 * authentication and the fresh re-authentication of sensitive routes are enforced here, once,
 * for every route of the surface, and so is the access each route declares (route-registry.ts).
 * Every route registered is listed in `routes`.
 */
export const consolePlugin: FastifyPluginAsyncZod<{ services: Services; routes: ConsoleRoute[] }> = async (app, { services, routes }) => {
  app.addHook('onRoute', (route) => {
    routes.push(...consoleRoutesOf(route));
  });
  // Only the console uses cookies: the other surfaces never parse them.
  await app.register(fastifyCookie);
  app.addHook('onRequest', csrfGuard);
  app.addHook('onRequest', async (request) => {
    // Only a path with no route has no access (a route without one cannot be added): it needs a
    // session like any other, and then gets its 404.
    const { access = 'signedIn' } = request.routeOptions.config;
    if (access === 'public') return;
    const session = await services.auth.authenticate(readSessionToken(request));
    if (!session) throw new UnauthenticatedError();
    if (session.stage !== 'active' && !request.routeOptions.config.stages?.includes(session.stage)) {
      // Halfway through signing in: nothing but the second step, or setting up a required factor.
      if (session.stage === 'second_factor') {
        throw new DomainError(401, ERROR_CODES.secondFactorRequired, 'Finish signing in with your second factor.');
      }
      throw new ForbiddenError('Your organisation requires two-factor authentication: set it up to continue.', ERROR_CODES.twoFactorSetupRequired);
    }
    // Before freshness: a role that may never call the route is told so, not asked to confirm.
    if (!mayCall(access, session.actor.role)) throw new ForbiddenError();
    if (request.routeOptions.config.sensitive && !services.auth.isFresh(session)) throw REAUTHENTICATION_REQUIRED();
    request.consoleAuth = session;
  });

  // Before the routes: the document collects each route as it is added.
  await registerConsoleOpenApi(app);
  await app.register(sessionRoutes, { services });
  await app.register(securityRoutes, { services });
  await app.register(ssoRoutes, { services });
  await app.register(usersRoutes, { services });
  await app.register(projectsRoutes, { services });
  await app.register(deploymentsRoutes, { services });
  await app.register(deploymentKeysRoutes, { services });
  await app.register(platformKeysRoutes, { services });
  await app.register(settingsRoutes, { services });
  await app.register(auditRoutes, { services });
  await app.register(usageRoutes, { services });
  await app.register(keyReviewRoutes, { services });
};
