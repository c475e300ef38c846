import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EndpointCatalog, Permission } from '@contract/endpoint-catalog';
import v5 from '@catalog/emqx-v5.json';
import { accessInWords } from './access-in-words';

const catalog = v5 as unknown as EndpointCatalog;
const allGrants: Permission[] = catalog.categories.flatMap((category) =>
  category.endpoints.flatMap((endpoint) =>
    endpoint.methods.map((method) => ({ method, path: endpoint.path })),
  ),
);

describe('access in words', () => {
  it('names each category a key has grants in, with exactly the methods granted there', () => {
    fc.assert(
      fc.property(fc.subarray(allGrants, { maxLength: 40 }), (grants) => {
        const lines = accessInWords(catalog, grants);
        for (const category of catalog.categories) {
          const paths = new Set(category.endpoints.map((endpoint) => endpoint.path));
          const methods = new Set(
            grants.filter((grant) => paths.has(grant.path)).map((grant) => grant.method),
          );
          const line = lines.find((entry) => entry.category === category.name);
          expect(new Set(line?.methods ?? [])).toEqual(methods);
        }
      }),
    );
  });

  it('says it the way the key page does: Clients: read, delete', () => {
    const lines = accessInWords(catalog, [
      { method: 'DELETE', path: '/clients/{clientid}' },
      { method: 'GET', path: '/clients' },
    ]);
    expect(lines).toEqual([{ category: 'Clients', methods: ['GET', 'DELETE'] }]);
  });
});
