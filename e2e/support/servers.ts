import path from 'node:path';

/**
 * The e2e run's Keyward servers: one per Playwright worker, each with its own data directory, so
 * that what a spec changes organisation-wide (two-factor policy, single sign-on, key policy)
 * never reaches a spec running beside it. Server 0 starts empty and `setup.spec.ts` makes its
 * Root account through the setup screen; the others make the same Root account at start.
 */
export const E2E_SERVER_COUNT = process.env.KEYWARD_SCREENS
  ? 1
  : Math.max(1, Number(process.env.E2E_WORKERS ?? 2));

const firstPort = Number(process.env.E2E_PORT ?? 4317);

export const e2eServerUrl = (index: number) => `http://127.0.0.1:${firstPort + index}`;

/** Where server `index` keeps its data, under the run's directory. */
export const e2eServerDataDir = (runDir: string, index: number) =>
  path.join(runDir, `server-${index}`);

/** Its whole log, scanned for secrets once every test has run (log-scan.ts). */
export const e2eServerLog = (runDir: string, index: number) =>
  path.join(runDir, `server-${index}.log`);
