import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests drive the real server (built SPA, embedded storage in a fresh data directory)
 * with a real Chromium: KEYWARD_CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
 * Playwright's own browser (`npx playwright install chromium`).
 */
const port = Number(process.env.E2E_PORT ?? 4317);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'keyward-e2e-'));
process.env.E2E_DATA_DIR = dataDir; // workers re-read this config: keep one directory per run

// The server's whole log, scanned for secrets once every test has run (e2e/support/log-scan.ts).
export const serverLogFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}-server.log`);
process.env.E2E_SERVER_LOG = serverLogFile;

const chromiumPath =
  process.env.KEYWARD_CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
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
  webServer: {
    // The built server (npm test builds it first), as operators run it.
    command: `node scripts/ensure-build.mjs && node dist/server/main.js > '${serverLogFile}' 2>&1`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      KEYWARD_DATA_DIR: dataDir,
      // Every request is logged, so the scan sees everything a production log would hold.
      LOG_LEVEL: 'debug',
      KEYWARD_DEPLOYMENT_TRANSITION_SECONDS: '1',
      // Usage reaches the database within a second, so the usage screens show it at once.
      KEYWARD_USAGE_FLUSH_SECONDS: '1',
      // The tests' stand-in EMQX upstreams listen on loopback, which is refused by default.
      KEYWARD_UPSTREAM_ALLOW: '127.0.0.0/8',
    },
  },
});
