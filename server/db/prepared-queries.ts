import type { Executor } from './store';

/**
 * Hot reads built once per database and shape, then only run with new values. Building a drizzle
 * query costs more CPU than PostgreSQL takes to answer a small one, and a named statement is
 * parsed and planned once per connection rather than on every call. `build` must give each shape
 * its own statement name.
 */
export function preparedPerDatabase<Shape extends string, Query>(build: (db: Executor, shape: Shape) => Query) {
  const byDatabase = new WeakMap<Executor, Map<Shape, Query>>();
  return (db: Executor, shape: Shape): Query => {
    let queries = byDatabase.get(db);
    if (!queries) byDatabase.set(db, (queries = new Map()));
    let query = queries.get(shape);
    if (!query) queries.set(shape, (query = build(db, shape)));
    return query;
  };
}

/** As `preparedPerDatabase`, for a query with one shape. */
export function preparedOncePerDatabase<Query>(build: (db: Executor) => Query) {
  const query = preparedPerDatabase((db, _shape: 'only') => build(db));
  return (db: Executor): Query => query(db, 'only');
}
