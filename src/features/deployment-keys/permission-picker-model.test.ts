import { describe, expect, it } from 'vitest';
import type { EndpointCatalog } from '@contract/endpoint-catalog';
import fc from 'fast-check';
import {
  categoryMixesReadAndWrite,
  categoryState,
  grantCategory,
  summarizeMethods,
  groupPermissions,
  indexCatalog,
  keyOf,
  methodState,
  summarize,
  toggleCategory,
  toggleMethod,
  visibleCategories,
} from './permission-picker-model';

const catalog: EndpointCatalog = {
  id: 'emqx-v5',
  title: 'test',
  basePath: '/api/v5',
  source: '',
  categories: [
    {
      name: 'Clients',
      endpoints: [
        { path: '/clients', methods: ['GET'], summaries: { GET: 'List clients' } },
        {
          path: '/clients/{clientid}',
          methods: ['GET', 'DELETE'],
          summaries: { GET: 'Get client', DELETE: 'Kick out client' },
        },
      ],
    },
    {
      name: 'Publish',
      endpoints: [
        { path: '/publish', methods: ['POST'], summaries: { POST: 'Publish a message' } },
      ],
    },
  ],
};
const categories = indexCatalog(catalog);

describe('permission picker model', () => {
  it('searches path, summary and category', () => {
    expect(
      visibleCategories(categories, 'kick', false, new Set()).map((c) =>
        c.endpoints.map((e) => e.path),
      ),
    ).toEqual([['/clients/{clientid}']]);
    expect(visibleCategories(categories, 'PUBLISH', false, new Set())[0]!.name).toBe('Publish');
    expect(
      visibleCategories(categories, 'clients list', false, new Set())[0]!.endpoints,
    ).toHaveLength(1);
    expect(visibleCategories(categories, 'nothing', false, new Set())).toEqual([]);
  });

  it('shows only selected rows on request', () => {
    const visible = visibleCategories(categories, '', true, new Set([keyOf('POST', '/publish')]));
    expect(visible.map((c) => c.name)).toEqual(['Publish']);
  });

  it('selects a method on every visible endpoint supporting it, and unselects when all are', () => {
    const visible = visibleCategories(categories, '', false, new Set());
    const once = toggleMethod(new Set(), visible, 'GET');
    expect([...once].sort()).toEqual(['GET /clients', 'GET /clients/{clientid}']);
    expect(methodState(visible, 'GET', once)).toBe('all');
    expect(methodState(visible, 'PUT', once)).toBe('unavailable');
    expect(toggleMethod(once, visible, 'GET').size).toBe(0);
  });

  it('selects a whole category within the visible rows only, with tri-state', () => {
    const searched = visibleCategories(categories, 'kick', false, new Set());
    const selection = toggleCategory(new Set(), searched[0]!);
    expect([...selection].sort()).toEqual([
      'DELETE /clients/{clientid}',
      'GET /clients/{clientid}',
    ]);
    expect(categoryState(categories[0]!, selection)).toBe('some');
    expect(categoryState(searched[0]!, selection)).toBe('all');
  });

  it('summarizes and groups what is granted', () => {
    const selection = new Set(['GET /clients', 'POST /publish']);
    expect(summarize(categories, selection)).toEqual({ permissions: 2, categories: 2 });
    expect(
      groupPermissions(categories, [{ method: 'DELETE', path: '/clients/{clientid}' }]),
    ).toEqual([
      { name: 'Clients', endpoints: [{ path: '/clients/{clientid}', methods: ['DELETE'] }] },
    ]);
  });
});

describe('granting a whole category', () => {
  const clients = categories[0]!;
  const publish = categories[1]!;

  it('asks only where a category has reads and writes', () => {
    expect(categoryMixesReadAndWrite(clients)).toBe(true);
    expect(categoryMixesReadAndWrite(publish)).toBe(false);
  });

  it('grants the reads alone, or everything, keeping what was granted (any starting selection)', () => {
    const every = [
      ...catalog.categories.flatMap((category) =>
        category.endpoints.flatMap((endpoint) =>
          endpoint.methods.map((method) => keyOf(method, endpoint.path)),
        ),
      ),
    ];
    fc.assert(
      fc.property(fc.subarray(every), (start) => {
        const before = new Set(start);
        const read = grantCategory(before, clients, 'read');
        for (const key of before) expect(read.has(key)).toBe(true);
        expect(read.has('GET /clients') && read.has('GET /clients/{clientid}')).toBe(true);
        expect(read.has('DELETE /clients/{clientid}')).toBe(
          before.has('DELETE /clients/{clientid}'),
        );
        const all = grantCategory(before, clients, 'all');
        expect(categoryState(clients, all)).toBe('all');
        expect(all.has('POST /publish')).toBe(before.has('POST /publish'));
      }),
    );
  });

  it('counts grants per method and names a category whose every POST or DELETE is granted', () => {
    const wide: EndpointCatalog = {
      ...catalog,
      categories: [
        {
          name: 'Rules',
          endpoints: [
            { path: '/rules', methods: ['GET', 'POST'], summaries: {} },
            { path: '/rules/{id}', methods: ['GET', 'DELETE'], summaries: {} },
            { path: '/rules/{id}/test', methods: ['POST'], summaries: {} },
          ],
        },
      ],
    };
    const [rules] = indexCatalog(wide);
    const all = grantCategory(new Set(), rules!, 'all');
    expect(summarizeMethods([rules!], all)).toEqual({
      counts: { GET: 2, POST: 2, DELETE: 1 },
      wholesale: [{ category: 'Rules', method: 'POST' }],
    });
    // One endpoint's POST, ticked on purpose, is not wholesale.
    expect(summarizeMethods([rules!], new Set(['POST /rules'])).wholesale).toEqual([]);
  });
});
