import cluster from 'node:cluster';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { loadConfig, type KeywardConfig } from './config';
import { projectRootOf } from './project-root';
import { isDatabaseUnavailable } from './db/postgres-errors';
import { openStore, type Store } from './db/store';
import { aggregateWorkerMetrics } from './metrics/cluster-metrics';
import { createSetupService } from './organization/setup-service';
import { createPasswordHasher } from './kernel/password';
import { keepTickObjectShapes } from './kernel/tick-object-shapes';
import { deriveServerKeys, loadMasterSecret } from './secrets/master-key';

// Before the store's start-up collects fully (kernel/tick-object-shapes.ts says why).
keepTickObjectShapes();

const projectRoot = projectRootOf(path.dirname(fileURLToPath(import.meta.url)));

/** KEYWARD_ROOT_EMAIL / _PASSWORD: the Root account on first start, instead of the setup screen. */
async function createRootFromEnvironment(store: Store, config: KeywardConfig, log: (message: string) => void): Promise<void> {
  if (!config.rootAccount) return;
  const setup = createSetupService({ db: store.db, passwords: createPasswordHasher() });
  if (!(await setup.isSetupRequired())) return;
  const { email, password, organizationName } = config.rootAccount;
  await setup.createOrganization({ organizationName, email, password }, null);
  log(`created the Root account ${email} from the environment`);
}

/**
 * KEYWARD_WORKERS > 1: this process migrates the database and makes Root once, then runs that
 * many server processes sharing the port, replaces one that dies, sums their metrics for
 * `/metrics`, and on SIGTERM passes the signal on and waits for every one to drain.
 */
async function runPrimary(config: KeywardConfig): Promise<void> {
  loadMasterSecret(config.secretKey, config.dataDir);
  const store = await openStore(config.store);
  await createRootFromEnvironment(store, config, (message) => console.log(message));
  await store.close();

  if (config.metrics.enabled) aggregateWorkerMetrics();
  let stopping = false;
  const start = () => cluster.fork().on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`Keyward worker exited (${signal ?? code}); starting another`);
    setTimeout(start, 1000);
  });
  for (let index = 0; index < config.workers; index++) start();
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
    let left = workers.length;
    if (left === 0) process.exit(0);
    for (const worker of workers) {
      worker.once('exit', () => --left === 0 && process.exit(0));
      worker.process.kill(signal);
    }
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  console.log(`Keyward is starting ${config.workers} server processes on port ${config.port}`);
}

async function main(): Promise<void> {
  const config = loadConfig(process.env, projectRoot);
  if (config.workers > 1 && cluster.isPrimary) return runPrimary(config);
  const keys = deriveServerKeys(loadMasterSecret(config.secretKey, config.dataDir));
  const store = await openStore(config.store);
  const app = await buildApp({ config, store, keys, trustProxy: config.trustProxy });
  // Workers find the database migrated and Root made by the primary.
  if (cluster.isPrimary) await createRootFromEnvironment(store, config, (message) => app.log.info(message));

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
  app.log.info(`Keyward (${store.kind} storage${cluster.isWorker ? `, worker ${cluster.worker?.id}` : ''}) is ready`);
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
