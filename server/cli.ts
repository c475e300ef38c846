import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resetRootTwoFactor } from './auth/two-factor/root-recovery';
import { loadConfig } from './config';
import { projectRootOf } from './project-root';
import { openStore } from './db/store';

/**
 * `npm run keyward -- <command>`: what an operator runs on the server itself, with the server's
 * own environment (DATABASE_URL or KEYWARD_DATA_DIR). With the embedded store, stop the server
 * first: only one process may open its data directory.
 */
const COMMANDS: Record<string, string> = {
  'reset-root-2fa': "Remove the Root account's second factors and end its sessions (audited); Root then signs in with its password.",
};

async function main(command: string | undefined): Promise<number> {
  if (!command || !(command in COMMANDS)) {
    console.error(`Usage: npm run keyward -- <command>\n\n${Object.entries(COMMANDS).map(([name, what]) => `  ${name}  ${what}`).join('\n')}`);
    return 2;
  }
  const config = loadConfig(process.env, projectRootOf(path.dirname(fileURLToPath(import.meta.url))));
  const store = await openStore(config.store);
  try {
    const reset = await resetRootTwoFactor(store.db, new Date());
    if (!reset) {
      console.error('There is no Root account yet: nothing to reset.');
      return 1;
    }
    // Instances sharing a PostgreSQL database drop Root's cached sessions at once.
    await store.changes.publish({ kind: 'user', id: reset.userId });
    console.log(`Removed the second factors of ${reset.email} and ended its sessions. Sign in with the password, then set up two-factor authentication again.`);
    return 0;
  } finally {
    await store.close();
  }
}

process.exitCode = await main(process.argv[2]);
