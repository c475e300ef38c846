import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { ROOT } from './e2e/support/accounts';
import { E2E_SERVER_COUNT, e2eServerDataDir, e2eServerLog, e2eServerUrl } from './e2e/support/servers';

/**
 * End-to-end tests drive the real server (built SPA, embedded storage in a fresh data directory)
 * with a real Chromium: KEYWARD_CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
 * Playwright's own browser (`npx playwright install chromium`). Each worker has a server of its
 * own (e2e/support/servers.ts); specs import `test` from e2e/support/test.ts to reach it.
 */
const runDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'keyward-e2e-'));
process.env.E2E_DATA_DIR = runDir; // workers re-read this config: keep one directory per run

// Every server's whole log, scanned for secrets once every test has run (e2e/support/log-scan.ts).
const serverLogs = Array.from({ length: E2E_SERVER_COUNT }, (_, index) => e2eServerLog(runDir, index));
process.env.E2E_SERVER_LOGS = serverLogs.join(path.delimiter);

const chromiumPath =
  process.env.KEYWARD_CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: './e2e',
  // A spec file runs in one worker, its tests in order; files spread over the workers' servers.
  fullyParallel: false,
  workers: E2E_SERVER_COUNT,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    // What setup.spec.ts and the screens reach; the specs' own fixture picks their worker's server.
    baseURL: e2eServerUrl(0),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      // The closed network here refuses Chromium's background calls home; stop it making them.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  globalTeardown: './e2e/support/log-scan.ts',
  projects: [
    { name: 'setup', testMatch: /setup\.spec\.ts/, use: { ...devices['Desktop Chrome'] } },
    {
      name: 'console',
      testIgnore: /setup\.spec\.ts/,
      dependencies: ['setup'],
      use: { ...devices['Desktop Chrome'] },
    },
    // `npm run screens` only: pictures of every page for docs/screens, not a test.
    ...(process.env.KEYWARD_SCREENS
      ? [{ name: 'screens', testMatch: /screens\.ts$/, dependencies: ['setup'], use: { ...devices['Desktop Chrome'] } }]
      : []),
  ],
  webServer: Array.from({ length: E2E_SERVER_COUNT }, (_, index) => ({
    // The built server (npm test builds it first), as operators run it.
    command: `node scripts/ensure-build.mjs && node dist/server/main.js > '${serverLogs[index]}' 2>&1`,
    url: `${e2eServerUrl(index)}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: new URL(e2eServerUrl(index)).port,
      HOST: '127.0.0.1',
      KEYWARD_DATA_DIR: e2eServerDataDir(runDir, index),
      // Server 0 is set up through its setup screen (setup.spec.ts); the others at start.
      ...(index === 0 ? {} : { KEYWARD_ROOT_EMAIL: ROOT.email, KEYWARD_ROOT_PASSWORD: ROOT.password, KEYWARD_ORGANIZATION_NAME: 'Keyward E2E' }),
      // Every request is logged, so the scan sees everything a production log would hold.
      LOG_LEVEL: 'debug',
      KEYWARD_DEPLOYMENT_TRANSITION_SECONDS: '1',
      // Usage reaches the database within a second, so the usage screens show it at once.
      KEYWARD_USAGE_FLUSH_SECONDS: '1',
      // The tests' stand-in EMQX upstreams listen on loopback, which is refused by default.
      KEYWARD_UPSTREAM_ALLOW: '127.0.0.0/8',
    },
  })),
});
