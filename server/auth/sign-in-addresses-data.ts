import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/store';
import { signInAddresses } from '../db/schema';

export async function isKnownSignInAddress(db: Executor, userId: string, address: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: signInAddresses.userId })
    .from(signInAddresses)
    .where(and(eq(signInAddresses.userId, userId), eq(signInAddresses.address, address)))
    .limit(1);
  return row !== undefined;
}

export async function rememberSignInAddress(db: Executor, userId: string, address: string, at: Date): Promise<void> {
  await db
    .insert(signInAddresses)
    .values({ userId, address, lastSuccessAt: at })
    .onConflictDoUpdate({ target: [signInAddresses.userId, signInAddresses.address], set: { lastSuccessAt: at } });
}
