import { describe, expect, it } from 'vitest';
import type { EndpointCatalog } from '../../contract/endpoint-catalog';
import { CATALOGS } from './catalogs';
import { createEndpointMatcher } from './endpoint-matcher';
import { validatePermissions } from './permission-validation';

const v5 = CATALOGS['emqx-v5'];

describe('validatePermissions', () => {
  it('accepts catalog endpoints with supported methods, deduplicated', () => {
    const result = validatePermissions(v5, [
      { method: 'GET', path: '/clients' },
      { method: 'GET', path: '/clients' },
      { method: 'DELETE', path: '/clients/{clientid}' },
    ]);
    expect(result.issues).toEqual([]);
    expect(result.permissions).toEqual([
      { method: 'GET', path: '/clients' },
      { method: 'DELETE', path: '/clients/{clientid}' },
    ]);
  });

  it('names each offending entry: unknown paths, unsupported and unknown methods', () => {
    const { issues } = validatePermissions(v5, [
      { method: 'GET', path: '/clients' },
      { method: 'GET', path: '/no/such/endpoint' },
      { method: 'PUT', path: '/clients' },
      { method: 'PATCH', path: '/clients' },
      { method: 'GET', path: '/api_key' },
    ]);
    expect(issues.map((issue) => issue.path)).toEqual([
      'permissions.1.path',
      'permissions.2.method',
      'permissions.3.method',
      'permissions.4.path',
    ]);
    expect(issues[1]!.message).toContain('does not support PUT');
  });

  it('holds v4 keys to the v4 catalog', () => {
    expect(validatePermissions(CATALOGS['emqx-v4'], [{ method: 'GET', path: '/clients' }]).issues).toEqual([]);
    expect(validatePermissions(CATALOGS['emqx-v4'], [{ method: 'GET', path: '/authentication' }]).issues).toHaveLength(1);
  });
});

describe('endpoint matcher', () => {
  const catalog: EndpointCatalog = {
    id: 'emqx-v5',
    title: 'test',
    basePath: '/api/v5',
    source: '',
    categories: [
      {
        name: 'Clients',
        endpoints: [
          { path: '/clients', methods: ['GET'], summaries: {} },
          { path: '/clients/{clientid}', methods: ['GET', 'DELETE'], summaries: {} },
          { path: '/clients/kickout/bulk', methods: ['POST'], summaries: {} },
          { path: '/clients/{clientid}/subscriptions', methods: ['GET'], summaries: {} },
        ],
      },
    ],
  };
  const matcher = createEndpointMatcher(catalog);

  const endpointAt = (path: string) => {
    const result = matcher.route(`/api/v5${path}`);
    return result.outcome === 'matched' ? result.endpoint.path : result.outcome;
  };

  it('matches templates, preferring literal segments over parameters', () => {
    expect(endpointAt('/clients')).toBe('/clients');
    expect(endpointAt('/clients/device-1')).toBe('/clients/{clientid}');
    expect(endpointAt('/clients/kickout/bulk')).toBe('/clients/kickout/bulk');
    expect(endpointAt('/clients/kickout/subscriptions')).toBe('/clients/{clientid}/subscriptions');
  });

  it('finds nothing outside the catalog or its base path, and matches literals case-sensitively', () => {
    expect(endpointAt('/clients/a/b/c')).toBe('not_found');
    expect(endpointAt('/nodes')).toBe('not_found');
    expect(endpointAt('/Clients')).toBe('not_found');
    expect(matcher.route('/api/v4/clients').outcome).toBe('not_found');
    expect(matcher.route('/API/v5/clients').outcome).toBe('not_found');
    expect(matcher.route('/api/v5').outcome).toBe('not_found');
  });

  it('refuses a trailing slash the catalog does not have', () => {
    expect(matcher.route('/api/v5/clients/')).toEqual({ outcome: 'invalid', refusal: 'empty_segment' });
  });

  it("serves v4's root endpoint at its base path with a slash", () => {
    const v4 = createEndpointMatcher(CATALOGS['emqx-v4']);
    for (const path of ['/api/v4/', '/api/v4']) {
      expect(v4.route(path)).toMatchObject({ outcome: 'matched', endpoint: { path: '/' }, canonicalPath: '/api/v4/' });
    }
    expect(v4.route('/api/v4//').outcome).toBe('invalid');
    expect(v4.route('/api/v4/clients/').outcome).toBe('invalid');
  });

  it('gives the canonical path: literals as the catalog spells them, parameters encoded one way', () => {
    expect(matcher.route('/api/v5/%63lients/dev%2d1')).toMatchObject({ canonicalPath: '/api/v5/clients/dev-1' });
    expect(matcher.route('/%61pi/v5/clients/a%2fb/subscriptions')).toMatchObject({
      endpoint: { path: '/clients/{clientid}/subscriptions' },
      canonicalPath: '/api/v5/clients/a%2Fb/subscriptions',
    });
  });

  it('routes every real v5 template to itself, and to its own canonical path', () => {
    const real = createEndpointMatcher(v5);
    for (const category of v5.categories) {
      for (const endpoint of category.endpoints) {
        const concrete = `/api/v5${endpoint.path.replace(/\{[^}]+\}/g, 'x1')}`;
        expect(real.route(concrete), concrete).toEqual({ outcome: 'matched', endpoint, canonicalPath: concrete });
      }
    }
  });
});
