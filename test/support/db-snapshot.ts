import { sql } from 'drizzle-orm';
import type { Store } from '../../server/db/store';

/** Every row of every table, as one string: equal snapshots mean nothing changed. */
export async function snapshotDatabase(store: Store): Promise<string> {
  const tables = ((await store.db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`)) as unknown as {
    rows: { tablename: string }[];
  }).rows.map((row) => row.tablename);
  const parts: string[] = [];
  // Counting a refused attempt is what a limit is for (on PostgreSQL the counts are rows; the
  // embedded store keeps the same counts in memory): it is not a change the request made.
  for (const table of tables.filter((name) => name !== 'rate_limit_events')) {
    const result = (await store.db.execute(sql.raw(`select * from "${table}"`))) as unknown as { rows: Record<string, unknown>[] };
    // Last-used times, addresses and secrets move on reads by design; they are not a change made by a request.
    const rows = result.rows
      .map(({ last_used_at: _at, last_used_address: _address, last_used_secret: _secret, last_seen_at: _seen, ...rest }) => JSON.stringify(rest))
      .sort();
    parts.push(`${table}:${rows.join('\n')}`);
  }
  return parts.join('\n---\n');
}
