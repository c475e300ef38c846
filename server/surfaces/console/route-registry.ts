import type { RouteOptions } from 'fastify';
import type { AuditAction } from '../../../contract/audit-actions';
import { can, ROLES, type Capability, type Role } from '../../../contract/roles';
import type { SessionStage } from '../../auth/sessions-data';

/**
 * Who may call a Console API route: anyone (setup, sign-in), any signed-in account (its own
 * security, lists it sees through its projects), or the roles with one capability of
 * contract/roles. Services still decide which project's deployment a project role may touch.
 */
export type RouteAccess = 'public' | 'signedIn' | Capability;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every Console API route declares it: a route without one stops the server starting. */
    access?: RouteAccess;
    /** Sign-in stages besides a full sign-in the route serves (setting up a required second factor). */
    stages?: SessionStage[];
    /**
     * Changes how the account (or another) signs in, or reveals or mints a long-lived secret: the
     * session must have signed in or confirmed it's its owner within KEYWARD_REAUTH_MINUTES, else
     * 403 REAUTH_REQUIRED (the console then asks "Confirm it's you" and retries).
     */
    sensitive?: boolean;
    /** What the route records in the audit log when it succeeds (none for reads). */
    audit?: readonly AuditAction[];
  }
}

/**
 * A Console API route as registered. The role-matrix test, the re-authentication test and the
 * console's OpenAPI document are derived from this list, so a new route is covered by all three.
 */
export interface ConsoleRoute {
  method: string;
  /** With the surface's prefix, as Fastify routes it (`/api/console/users/:id`). */
  url: string;
  access: RouteAccess;
  /** The roles that get past the access check ('anyone' for public routes). */
  roles: readonly Role[] | 'anyone';
  sensitive: boolean;
  audit: readonly AuditAction[];
}

export function mayCall(access: RouteAccess, role: Role): boolean {
  return access === 'public' || access === 'signedIn' || can(role, access);
}

function rolesOf(access: RouteAccess): ConsoleRoute['roles'] {
  return access === 'public' ? 'anyone' : ROLES.filter((role) => mayCall(access, role));
}

/** The registry's entries for a route being added, or an error naming it when it declares no access. */
export function consoleRoutesOf(route: RouteOptions): ConsoleRoute[] {
  const methods = [route.method].flat().filter((method) => method !== 'HEAD');
  const { access, sensitive, audit } = route.config ?? {};
  if (methods.length > 0 && !access) {
    throw new Error(`Console route ${methods.join(',')} ${route.url} declares no access (config.access)`);
  }
  return methods.map((method) => ({
    method,
    url: route.url,
    access: access as RouteAccess,
    roles: rolesOf(access as RouteAccess),
    sensitive: Boolean(sensitive),
    audit: audit ?? [],
  }));
}
