import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

/** The same browser the end-to-end tests use: KEYWARD_CHROMIUM_PATH, else Debian's, else Playwright's. */
export function launchChromium(): Promise<Browser> {
  const executablePath =
    process.env.KEYWARD_CHROMIUM_PATH ||
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({
    executablePath,
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
