import { test as base } from '@playwright/test';
import { e2eServerUrl } from './servers';

export { expect } from '@playwright/test';

/**
 * Playwright's test, pointed at this worker's own server (servers.ts): `baseURL`, and with it
 * `page`, `request` and every helper given `baseURL`, reach server `parallelIndex`.
 */
export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  baseURL: async ({}, use, testInfo) => {
    await use(e2eServerUrl(testInfo.parallelIndex));
  },
});
