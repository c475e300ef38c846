import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/audit-log';
import { users } from '../../db/schema';
import type { Database } from '../../db/store';
import { deleteSessionsOfUserExcept } from '../sessions-data';
import { clearFactors } from './two-factor-service';

/**
 * The offline recovery for a Root account whose authenticator and recovery codes are lost: run
 * on the server by whoever runs the server (`npm run keyward -- reset-root-2fa`). Removes Root's
 * second factors and ends its sessions; Root signs in with its password and sets them up again.
 */
export async function resetRootTwoFactor(db: Database, at: Date): Promise<{ userId: string; email: string } | undefined> {
  const [root] = await db.select({ id: users.id, email: users.email, organizationId: users.organizationId }).from(users).where(eq(users.role, 'root')).limit(1);
  if (!root) return undefined;
  await db.transaction(async (tx) => {
    await clearFactors(tx, root.id, at);
    await deleteSessionsOfUserExcept(tx, root.id, undefined);
    await recordAudit(tx, { organizationId: root.organizationId, type: 'system', id: null, label: 'server console (reset-root-2fa)', address: null }, {
      action: 'user.two_factor_reset',
      targetType: 'user',
      targetId: root.id,
      targetLabel: root.email,
    });
  });
  return { userId: root.id, email: root.email };
}
