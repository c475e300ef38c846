import {
  HTTP_METHODS,
  type CatalogEndpoint,
  type EndpointCatalog,
  type HttpMethod,
  type Permission,
} from '@contract/endpoint-catalog';

/**
 * The permission picker's rules, kept apart from rendering: indexing a catalog for fast search,
 * which rows are visible, tri-state checkboxes, and what a click on a method, category, endpoint
 * or cell selects. Selections are sets of "METHOD /path" keys.
 */
export type Selection = ReadonlySet<string>;
export type CheckState = 'none' | 'some' | 'all';

export interface IndexedEndpoint extends CatalogEndpoint {
  category: number;
  /** Lower-cased path, summaries and category name, for matching a search. */
  haystack: string;
}

export interface IndexedCategory {
  name: string;
  endpoints: IndexedEndpoint[];
}

export const keyOf = (method: HttpMethod, path: string) => `${method} ${path}`;

export function indexCatalog(catalog: EndpointCatalog): IndexedCategory[] {
  return catalog.categories.map((category, index) => ({
    name: category.name,
    endpoints: category.endpoints.map((endpoint) => ({
      ...endpoint,
      category: index,
      haystack:
        `${endpoint.path} ${Object.values(endpoint.summaries).join(' ')} ${category.name}`.toLowerCase(),
    })),
  }));
}

/** Each category with the endpoints that pass the search and the "selected only" filter. */
export function visibleCategories(
  categories: IndexedCategory[],
  search: string,
  selectedOnly: boolean,
  selection: Selection,
): IndexedCategory[] {
  const terms = search.toLowerCase().split(/\s+/).filter(Boolean);
  const result: IndexedCategory[] = [];
  for (const category of categories) {
    const endpoints = category.endpoints.filter(
      (endpoint) =>
        terms.every((term) => endpoint.haystack.includes(term)) &&
        (!selectedOnly ||
          endpoint.methods.some((method) => selection.has(keyOf(method, endpoint.path)))),
    );
    if (endpoints.length > 0) result.push({ name: category.name, endpoints });
  }
  return result;
}

function stateOf(keys: string[], selection: Selection): CheckState {
  let selected = 0;
  for (const key of keys) if (selection.has(key)) selected++;
  return selected === 0 ? 'none' : selected === keys.length ? 'all' : 'some';
}

const endpointKeys = (endpoint: CatalogEndpoint) =>
  endpoint.methods.map((method) => keyOf(method, endpoint.path));
const categoryKeys = (category: IndexedCategory) => category.endpoints.flatMap(endpointKeys);
const methodKeys = (categories: IndexedCategory[], method: HttpMethod) =>
  categories.flatMap((category) =>
    category.endpoints
      .filter((endpoint) => endpoint.methods.includes(method))
      .map((endpoint) => keyOf(method, endpoint.path)),
  );

export const categoryState = (category: IndexedCategory, selection: Selection) =>
  stateOf(categoryKeys(category), selection);
/** One method across one category: its own tri-state cell on the category row. */
export function categoryMethodState(
  category: IndexedCategory,
  method: HttpMethod,
  selection: Selection,
): CheckState | 'unavailable' {
  return methodState([category], method, selection);
}
export function methodState(
  visible: IndexedCategory[],
  method: HttpMethod,
  selection: Selection,
): CheckState | 'unavailable' {
  const keys = methodKeys(visible, method);
  return keys.length === 0 ? 'unavailable' : stateOf(keys, selection);
}

/** Everything checked becomes unchecked; anything less becomes all checked. */
function toggleAll(selection: Selection, keys: string[]): Set<string> {
  const next = new Set(selection);
  const all = keys.every((key) => next.has(key));
  for (const key of keys) {
    if (all) next.delete(key);
    else next.add(key);
  }
  return next;
}

export const toggleCell = (selection: Selection, method: HttpMethod, path: string) =>
  toggleAll(selection, [keyOf(method, path)]);
export const toggleEndpoint = (selection: Selection, endpoint: CatalogEndpoint) =>
  toggleAll(selection, endpointKeys(endpoint));
export const toggleCategory = (selection: Selection, category: IndexedCategory) =>
  toggleAll(selection, categoryKeys(category));
export const toggleMethod = (
  selection: Selection,
  visible: IndexedCategory[],
  method: HttpMethod,
) => toggleAll(selection, methodKeys(visible, method));

export const toggleCategoryMethod = (
  selection: Selection,
  category: IndexedCategory,
  method: HttpMethod,
) => toggleAll(selection, methodKeys([category], method));

/** Whether ticking a category needs a choice: it has reads (GET) and writes (anything else). */
export const categoryMixesReadAndWrite = (category: IndexedCategory) => {
  const methods = new Set(category.endpoints.flatMap((endpoint) => endpoint.methods));
  return methods.has('GET') && methods.size > 1;
};

/**
 * Grants a whole category: its reads only (every GET) or everything in it. What is already
 * granted elsewhere in the category stays.
 */
export function grantCategory(
  selection: Selection,
  category: IndexedCategory,
  grant: 'read' | 'all',
) {
  const next = new Set(selection);
  for (const key of grant === 'read' ? methodKeys([category], 'GET') : categoryKeys(category))
    next.add(key);
  return next;
}

/** Per method, how many grants there are; and the categories whose every POST or DELETE is granted. */
export function summarizeMethods(categories: IndexedCategory[], selection: Selection) {
  const counts: Partial<Record<HttpMethod, number>> = {};
  for (const key of selection) {
    const method = key.slice(0, key.indexOf(' ')) as HttpMethod;
    counts[method] = (counts[method] ?? 0) + 1;
  }
  const wholesale: { category: string; method: 'POST' | 'DELETE' }[] = [];
  for (const category of categories)
    for (const method of ['POST', 'DELETE'] as const) {
      const keys = methodKeys([category], method);
      // A single endpoint ticked on purpose is not "wholesale"; a whole category of them is.
      if (keys.length > 1 && keys.every((key) => selection.has(key)))
        wholesale.push({ category: category.name, method });
    }
  return { counts, wholesale };
}

/** The "Read-only" preset: every GET of the catalog, and nothing else. */
export const readOnlySelection = (categories: IndexedCategory[]): Set<string> =>
  new Set(methodKeys(categories, 'GET'));

/** How many grants a change adds (a method column can add hundreds with one click). */
export function addedCount(before: Selection, after: Selection): number {
  let added = 0;
  for (const key of after) if (!before.has(key)) added++;
  return added;
}

/** "N permissions in M categories" */
export function summarize(
  categories: IndexedCategory[],
  selection: Selection,
): { permissions: number; categories: number } {
  let permissions = 0;
  let touched = 0;
  for (const category of categories) {
    let inCategory = 0;
    for (const key of categoryKeys(category)) if (selection.has(key)) inCategory++;
    permissions += inCategory;
    if (inCategory > 0) touched++;
  }
  return { permissions, categories: touched };
}

export const toPermissions = (selection: Selection): Permission[] =>
  [...selection].map((key) => {
    const space = key.indexOf(' ');
    return { method: key.slice(0, space) as HttpMethod, path: key.slice(space + 1) };
  });

export const toSelection = (permissions: Permission[]): Set<string> =>
  new Set(permissions.map((p) => keyOf(p.method, p.path)));

/** A key's grants grouped by category, for "View Access". */
export function groupPermissions(categories: IndexedCategory[], permissions: Permission[]) {
  const selection = toSelection(permissions);
  return categories
    .map((category) => ({
      name: category.name,
      endpoints: category.endpoints
        .map((endpoint) => ({
          path: endpoint.path,
          methods: HTTP_METHODS.filter((method) => selection.has(keyOf(method, endpoint.path))),
        }))
        .filter((endpoint) => endpoint.methods.length > 0),
    }))
    .filter((category) => category.endpoints.length > 0);
}
