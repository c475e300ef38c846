import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards in it taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Case-insensitive LIKE as `lower(column) like lower(pattern)`: ILIKE gives the same answers but
 * costs several times more per row in the embedded store's build of PostgreSQL.
 */
export function likeIgnoringCase(column: SQLWrapper, pattern: SQLWrapper | string): SQL {
  return sql`lower(${column}) like lower(${pattern})`;
}

/**
 * One JSON object per row, built by the database. The embedded store decodes each field of a
 * result separately, at a cost that outweighs the query itself for a page of wide rows; one JSON
 * value per row is decoded in a single JSON.parse. Timestamps arrive as ISO 8601 text to the
 * microsecond.
 */
export function jsonRecord<T>(fields: Record<keyof T & string, SQLWrapper>): SQL<T> {
  const pairs = Object.entries<SQLWrapper>(fields).map(([name, value]) => sql`${sql.raw(`'${name}'`)}, ${value}`);
  return sql<T>`json_build_object(${sql.join(pairs, sql`, `)})`;
}
