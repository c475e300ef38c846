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

  it('matches templates, preferring literal segments over parameters', () => {
    expect(matcher.match('/clients')?.path).toBe('/clients');
    expect(matcher.match('/clients/')?.path).toBe('/clients');
    expect(matcher.match('/clients/device-1')?.path).toBe('/clients/{clientid}');
    expect(matcher.match('/clients/kickout/bulk')?.path).toBe('/clients/kickout/bulk');
    expect(matcher.match('/clients/kickout/subscriptions')?.path).toBe('/clients/{clientid}/subscriptions');
  });

  it('finds nothing outside the catalog', () => {
    expect(matcher.match('/clients/a/b/c')).toBeUndefined();
    expect(matcher.match('/nodes')).toBeUndefined();
    expect(matcher.match('/')).toBeUndefined();
  });

  it('routes every real v5 template to itself', () => {
    const real = createEndpointMatcher(v5);
    for (const category of v5.categories) {
      for (const endpoint of category.endpoints) {
        const concrete = endpoint.path.replace(/\{[^}]+\}/g, 'x1');
        expect(real.match(concrete)?.path, concrete).toBeDefined();
      }
    }
  });
});
