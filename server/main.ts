import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { loadConfig } from './config';
import { projectRootOf } from './project-root';
import { isDatabaseUnavailable } from './db/postgres-errors';
import { openStore } from './db/store';
import { createSetupService } from './organization/setup-service';
import { deriveServerKeys, loadMasterSecret } from './secrets/master-key';

const projectRoot = projectRootOf(path.dirname(fileURLToPath(import.meta.url)));

async function main(): Promise<void> {
  const config = loadConfig(process.env, projectRoot);
  const keys = deriveServerKeys(loadMasterSecret(config.secretKey, config.dataDir));
  const store = await openStore(config.store);
  const app = await buildApp({ config, store, keys, trustProxy: config.trustProxy });

  if (config.rootAccount) {
    const setup = createSetupService({ db: store.db });
    if (await setup.isSetupRequired()) {
      await setup.createOrganization(
        {
          organizationName: config.rootAccount.organizationName,
          email: config.rootAccount.email,
          password: config.rootAccount.password,
        },
        null,
      );
      app.log.info(
        { email: config.rootAccount.email },
        'created the Root account from the environment',
      );
    }
  }

  let closing = false;
  const shutDown = async (signal: string) => {
    if (closing) return;
    closing = true;
    const { noticeMs, drainMs } = config.shutdown;
    app.log.info({ signal, noticeMs, drainMs }, 'draining');
    // A load balancer polling /healthz sees "draining" while requests are still served.
    app.startDraining();
    if (noticeMs > 0) await new Promise((resolve) => setTimeout(resolve, noticeMs));
    // Stop accepting; requests in flight finish, for at most drainMs. Closing flushes usage.
    const closed = app.close().then(() => true);
    // Connections that were busy when closing began are let go as soon as they fall idle.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    const drained = await Promise.race([closed, new Promise<false>((resolve) => setTimeout(() => resolve(false), drainMs).unref())]);
    clearInterval(sweep);
    if (!drained) {
      app.log.warn({ drainMs }, 'requests still in flight after the drain time; stopping anyway');
      await app.services.usage.close();
    }
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutDown('SIGINT'));
  process.on('SIGTERM', () => void shutDown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Keyward (${store.kind} storage) is ready`);
}

/** The innermost cause: drivers wrap the socket error that says what really happened. */
function rootCause(error: unknown): { message: string; code?: string } {
  let current = error;
  while (current && typeof current === 'object' && (current as { cause?: unknown }).cause) current = (current as { cause: unknown }).cause;
  const code = (current as { code?: unknown } | undefined)?.code;
  const message = current instanceof Error ? current.message || current.name : String(current);
  return { message, ...(typeof code === 'string' ? { code } : {}) };
}

main().catch((error: unknown) => {
  // A clear reason and a non-zero exit; a supervisor decides whether and when to try again.
  const cause = rootCause(error);
  const what = isDatabaseUnavailable(error) ? 'the database is unreachable: ' : '';
  console.error(`Keyward could not start: ${what}${cause.message}${cause.code ? ` (${cause.code})` : ''}`);
  process.exit(1);
});
