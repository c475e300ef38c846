import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/store';
import { organizations } from '../db/schema';

export async function insertOrganization(db: Executor, name: string): Promise<string> {
  const id = randomUUID();
  await db.insert(organizations).values({ id, name });
  return id;
}
