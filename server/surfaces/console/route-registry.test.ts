import type { RouteOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { consoleRoutesOf, mayCall } from './route-registry';

const handler = async () => null;

describe('the Console API route registry', () => {
  it('refuses a route that declares no access, naming it', () => {
    const route = { method: 'POST', url: '/api/console/things', handler, config: { sensitive: true } } as unknown as RouteOptions;
    expect(() => consoleRoutesOf(route)).toThrow('Console route POST /api/console/things declares no access');
  });

  it('lists each method of a route with the roles its access lets in', () => {
    const route = { method: ['GET', 'HEAD', 'DELETE'], url: '/api/console/users/:id', handler, config: { access: 'manageAccounts', audit: ['user.delete'] } } as unknown as RouteOptions;
    expect(consoleRoutesOf(route)).toEqual(
      ['GET', 'DELETE'].map((method) => ({ method, url: '/api/console/users/:id', access: 'manageAccounts', roles: ['root', 'admin'], sensitive: false, audit: ['user.delete'] })),
    );
    expect(consoleRoutesOf({ ...route, config: { access: 'public' } } as unknown as RouteOptions)[0]?.roles).toBe('anyone');
    expect(consoleRoutesOf({ ...route, config: { access: 'signedIn' } } as unknown as RouteOptions)[0]?.roles).toHaveLength(6);
  });

  it('lets a role call a capability route only when the role has the capability', () => {
    expect(mayCall('resetTwoFactor', 'root')).toBe(true);
    expect(mayCall('resetTwoFactor', 'admin')).toBe(false);
    expect(mayCall('viewAuditLog', 'auditor')).toBe(true);
    expect(mayCall('configureDeployments', 'auditor')).toBe(false);
    expect(mayCall('signedIn', 'accountant')).toBe(true);
  });
});
