import { describe, expect, it } from 'vitest';
import type { EndpointCatalog } from '@contract/endpoint-catalog';
import {
  categoryState,
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
